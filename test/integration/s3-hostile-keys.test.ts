// Keys that try to leave the destination folder (`../x`, `a/../../x`), absolute-looking keys and
// Windows separators, downloaded by `s3 cp --recursive`, `s3 sync` and `s3 mv --recursive` through
// the AWS CLI v2 and awsdeck on moto. Signature checking is off: moto 5.2.1 refuses valid signatures
// on keys holding `..` segments and percent-encoded backslashes (boto3's seeding PUTs included). Both print the same lines and exit
// codes, write the same files, and nothing lands outside the folder that was asked for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMoto, type MotoServer } from '../support/moto.js';
import { ensureDir, expectSame, pairHarness, treeOf, usePrivateBundle, type PairHarness } from '../support/s3-pair.js';

let moto: MotoServer;
let root: string;
let h: PairHarness;

beforeAll(async () => {
  moto = await startMoto({ auth: false });
  await usePrivateBundle();
  root = mkdtempSync(join(tmpdir(), 'awsdeck-s3-hostile-'));
  h = pairHarness(moto, root, moto.env({ TZ: 'UTC', HOME: ensureDir(join(root, 'home')), AWS_CONFIG_FILE: join(root, 'no-config') }));
}, 120_000);
afterAll(async () => { await moto?.stop(); });

const HOSTILE = {
  '../escape-up.txt': 'up',
  'sub/../../escape-nested.txt': 'nested',
  'deep/a/../../../escape-deep.txt': 'deep',
  '/absolute.txt': 'abs',
  'win\\..\\escape-win.txt': 'win',
  'fine/ok.txt': 'ok',
};

/** Everything under the case folder except the destination: must stay empty. */
const strays = (dir: string) => Object.keys(treeOf(dir)).filter((p) => !p.startsWith('out/'));

describe('keys that point outside the destination', () => {
  for (const command of [['cp', '--recursive'], ['sync'], ['mv', '--recursive']]) {
    it(`s3 ${command.join(' ')} skips them with the CLI's warning and writes nothing outside`, async () => {
      const c = h.newCase({}, HOSTILE);
      const [cli, deck] = await h.both(c, ['s3', command[0]!, 's3://BUCKET/', 'out/', ...command.slice(1)]);
      expectSame(cli, deck, 'progress');
      expect(deck.status).toBe(2);
      expect(deck.stderr).toContain('warning: Skipping file ../escape-up.txt. File references a parent directory.');
      expect(treeOf(join(c.deck.dir, 'out'))).toEqual(treeOf(join(c.cli.dir, 'out')));
      expect(strays(c.deck.dir)).toEqual([]);
      expect(strays(c.cli.dir)).toEqual([]);
      expect(Object.keys(treeOf(join(root, c.name))).filter((p) => p.includes('escape-') && !/\/out\//.test(p))).toEqual([]);
      // mv keeps the skipped objects: nothing was downloaded for them.
      if (command[0] === 'mv') expect(Object.keys(h.bucketOf(c.deck.bucket)).sort()).toEqual(Object.keys(h.bucketOf(c.cli.bucket)).sort());
    });
  }
});
