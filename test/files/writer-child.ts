// A separate writer process for the crash and concurrency tests of every writer:
//   writer-child <kind> <home> <tag> <count>   makes writes 1..count of that kind as `tag`.
import { writeVersion, type WriterKind } from './writers.js';

const [kind, home, tag, count] = process.argv.slice(2);
process.stdout.write('ready\n');
for (let n = 1; n <= Number(count); n++) {
  writeVersion(kind as WriterKind, home!, tag!, n);
  process.stdout.write('.'); // lets a test time its kill between or inside later writes
}
process.stdout.write('done\n');
