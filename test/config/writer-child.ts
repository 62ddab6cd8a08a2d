// A separate writer process for the crash and concurrency tests:
//   writer-child.ts <file> <key> <count>   sets `key = v<i>` in [default] count times.
import { applyConfigUpdate, writeChange } from '../../src/engine/config/index.js';

const [file, key, count] = process.argv.slice(2);
process.stdout.write('ready\n');
for (let i = 1; i <= Number(count); i++) {
  writeChange(file, (text) => applyConfigUpdate(text, 'default', { [key]: `v${i}` }));
}
process.stdout.write('done\n');
