// `awsdeck --demo` with the sandbox's fault mode on (AWSDECK_SANDBOX_FAULTS), in a real terminal:
// `:ec2 all` with one region throttled on every attempt and one throttled once shows the throttled
// region as one line and the others' rows, the cursor moves, and
// quitting restores the terminal. HOME and TMPDIR are fresh folders; nothing leaves the machine.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundle, startInTmux, type TmuxApp } from '../support/tmux-app.js';

let app: TmuxApp | undefined;
afterAll(() => app?.kill());

describe('awsdeck --demo in fault mode', () => {
  it(':ec2 all with throttled regions: a failed line, the other rows, a moving cursor, and a clean quit', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'awsdeck-faults-tmux-'));
    const env = {
      CI: 'false', TERM: 'xterm-256color', HOME: join(tmp), TMPDIR: tmp, PATH: process.env.PATH ?? '', AWS_EC2_METADATA_DISABLED: 'true',
      AWSDECK_SANDBOX_FAULTS: 'ec2:DescribeInstances@ap-southeast-2=throttle; ec2:DescribeInstances@eu-west-1=throttle*1',
    };
    app = startInTmux('faults-demo', `node ${bundle} --demo`, env, { width: 140, height: 36 });
    await app.waitForPane((t) => /demo\s/.test(t) && t.includes('valid'), 'the demo home', 30_000);
    app.palette('ec2 all');
    const frame = await app.waitForPane((t) => /EC2 instances\s+\d+ rows · \d+ pages in \d+ regions/.test(t), 'every region listed', 30_000);
    expect(frame).toMatch(/^ap-southeast-2: Request limit exceeded\. \(throttled after retries: R tries again\)$/m);
    expect(frame).toMatch(/^eu-west-1\s+i-/m);
    expect(frame).toMatch(/^us-east-1\s+i-/m);
    expect(frame).not.toMatch(/^ap-southeast-2\s+i-/m);

    // The cursor moves: y copies the id under it, first row then the second.
    app.press('g', 'y');
    const first = /id (i-[0-9a-f]+) is on the clipboard/.exec(await app.waitForPane((t) => /id i-[0-9a-f]+ is on the clipboard/.test(t), 'the first id copied'))![1];
    app.press('Enter', 'j', 'y');
    const moved = await app.waitForPane((t) => /id i-[0-9a-f]+ is on the clipboard/.test(t) && !t.includes(`id ${first} is on`), 'the second id copied');
    expect(moved).toMatch(/id i-[0-9a-f]+ is on the clipboard/);
    app.press('Enter');

    app.press('Escape');
    await app.waitForPane((t) => !t.includes('EC2 instances'), 'back on the home');
    app.press('q');
    await app.waitForPane((t) => t.includes('EXITED:0'), 'awsdeck to quit', 15_000);
  }, 90_000);
});
