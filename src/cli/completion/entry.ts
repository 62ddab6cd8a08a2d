// The completer the shell runs on every Tab (dist/completer.js, a bundle of its own): it reads the
// line up to the cursor from COMP_LINE (and COMP_POINT, as aws_completer does) and prints one
// candidate a line. It loads the service index and at most one service model, never React, Ink
// or the CLI's commands; s3:// paths load the S3 client only when one is being completed.
import { complete } from './complete.js';
import { FILES_MARKER } from './scripts.js';

// A listing that takes longer is given up: the shell then shows nothing rather than hang.
const S3_TIMEOUT_MS = Number(process.env.AWSDECK_COMPLETION_TIMEOUT_MS) || 1500;

async function run(): Promise<void> {
  const line = process.env.COMP_LINE ?? process.argv[2] ?? '';
  const point = process.env.COMP_POINT !== undefined ? Number(process.env.COMP_POINT) : undefined;
  const result = await complete(line, Number.isInteger(point) ? point : undefined, {
    env: process.env,
    listS3: async (path, words) => {
      const { listS3Paths } = await import('./s3-paths.js');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<string[]>((resolve) => { timer = setTimeout(() => resolve([]), S3_TIMEOUT_MS); });
      try {
        return await Promise.race([listS3Paths(path, words, process.env), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  });
  const out = result.files ? FILES_MARKER : result.words.join('\n');
  if (out) process.stdout.write(`${out}\n`);
}

// Exit as soon as the answer is out: an open keep-alive socket must not hold the shell's Tab.
run().then(
  () => process.stdout.write('', () => process.exit(0)),
  () => process.exit(0),
);
