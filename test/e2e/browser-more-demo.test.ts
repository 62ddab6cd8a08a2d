// The newer views in `awsdeck --demo` in a real terminal (tmux, CI=false, the bundle): each opens
// from the palette with its seeded rows; a stack's events open with v; the demo's live log stream
// is followed with F and grows at the bottom while the title says [following]. HOME and TMPDIR are
// fresh temporary folders. Every wait is for content on screen.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundle, startInTmux, type TmuxApp } from '../support/tmux-app.js';

let app: TmuxApp | undefined;
afterEach(() => { app?.kill(); app = undefined; });

function startDemo(name: string): TmuxApp {
  const tmp = mkdtempSync(join(tmpdir(), `awsdeck-${name}-`));
  const home = mkdtempSync(join(tmp, 'home-'));
  return startInTmux(name, `node ${bundle} --demo`, { CI: 'false', TERM: 'xterm-256color', HOME: home, TMPDIR: tmp, AWS_EC2_METADATA_DISABLED: 'true' }, { width: 120, height: 40 });
}

/** The title line of the view (header, trail, title). */
const title = (text: string) => text.split('\n')[2] ?? '';
const rowCount = (text: string) => Number(/(\d+) rows?/.exec(title(text))?.[1] ?? -1);

describe('the newer views in awsdeck --demo', () => {
  it('each view opens from the palette with its rows', async () => {
    app = startDemo('more-views');
    await app.waitForPane((t) => /demo\s+static keys\s+valid/.test(t), 'the demo home');
    const views: Array<[string, RegExp]> = [
      ['lambda', /dev-api-handler\s+nodejs20\.x\s+512/], ['users', /zoë-analyst/], ['roles', /OrganizationAccountAccessRole/],
      ['policies', /app-assets-read/], ['trail', /StopInstances\s+demo-user\s+ec2\.amazonaws\.com\s+dev-worker/],
      ['keypairs', /dev-key\s+key-[0-9a-f]+\s+rsa/], ['amis', /dev-worker-arm-2024-06\s+pending/], ['snapshots', /dev-data-nightly/],
      ['cfn', /dev-app\s+UPDATE_COMPLETE/],
    ];
    for (const [view, row] of views) {
      app.palette(view);
      await app.waitForPane((t) => row.test(t), `:${view}`);
      if (view !== 'cfn') {
        app.press('Escape');
        await app.waitForPane((t) => t.includes('PROFILE'), 'the home again');
      }
    }
    app.press('v');
    const events = await app.waitForPane((t) => title(t).startsWith('Events of dev-network') && /CREATE_IN_PROGRESS/.test(t), 'the stack events');
    // Newest first, as DescribeStackEvents lists them.
    expect(events.indexOf('CREATE_COMPLETE')).toBeLessThan(events.indexOf('CREATE_IN_PROGRESS'));
  });

  it('F follows the live log stream: new events arrive at the bottom', async () => {
    app = startDemo('follow');
    await app.waitForPane((t) => /demo\s+static keys\s+valid/.test(t), 'the demo home');
    app.palette('logs');
    await app.waitForPane((t) => t.includes('/dev/app/live'), 'the log groups');
    app.press('G', 'Enter');
    await app.waitForPane((t) => title(t).startsWith('Streams of /dev/app/live'), 'the live group\'s streams');
    app.press('Enter');
    const listed = await app.waitForPane((t) => /^web-1\s+\d+ rows/.test(title(t)) && t.includes('F follow new events'), 'the stream\'s events');
    const before = rowCount(listed);
    app.press('G', 'F');
    const grown = await app.waitForPane((t) => title(t).includes('[following]') && rowCount(t) > before, 'a new event while following', 20_000);
    // The newest event is on screen: the last table line has the greatest order number.
    const orders = [...grown.matchAll(/GET \/api\/orders\/(\d+)/g)].map((m) => Number(m[1]));
    expect(orders.at(-1)).toBe(Math.max(...orders));
    app.press('F');
    await app.waitForPane((t) => !title(t).includes('[following]'), 'following stopped');
  });
});
