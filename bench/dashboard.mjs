// Dashboard benchmark on the real bundle (node scripts/bundle.mjs → dist/awsdeck.js):
//  1. time from process start to the first complete frame of `awsdeck --demo` in tmux 80x24
//     (header, every demo profile row and the footer on screen), and until every state is known;
//  2. keypress→frame median on a 500-profile config, through a real pty: the time from writing a
//     key to the end of the frame Ink writes for it (each frame ends with ESC[?2026l);
//  3. ESC[2J (full clears) written while navigating.
// `node -e 0` is timed alongside so machine load shows. Never contacts AWS: the demo talks to its
// in-process sandbox; the 500-profile run points every endpoint at a closed local port.
// Run: node scripts/bundle.mjs && node bench/dashboard.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bundle = join(root, 'dist/awsdeck.js');
if (!existsSync(bundle)) throw new Error('dist/awsdeck.js is missing: run node scripts/bundle.mjs');
const out = mkdtempSync(join(tmpdir(), 'awsdeck-bench-'));
const runs = Number(process.env.RUNS ?? 9);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => +x.toFixed(1);

function nodeStartupMs() {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    execFileSync(process.execPath, ['-e', '0']);
    samples.push(performance.now() - t);
  }
  return round(median(samples));
}

const demoProfiles = ['default', 'dev-admin', 'dev-readonly', 'staging-admin', 'staging-readonly', 'prod-admin', 'prod-readonly', 'demo', 'prod-breakglass'];

/** tmux 80x24, `awsdeck --demo`: ms to the first complete frame, and to every state resolved. */
function demoFirstFrame() {
  const tmux = (...args) => execFileSync('tmux', ['-L', `awsdeck-bench-${process.pid}`, ...args], { encoding: 'utf8' });
  // CI=false lets Ink draw; supports-color reads any CI variable as "no colour", so FORCE_COLOR puts colour back.
  const env = { CI: 'false', FORCE_COLOR: '3', TERM: 'xterm-256color', HOME: out, TMPDIR: out, PATH: process.env.PATH };
  const envArgs = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  const complete = [];
  const settled = [];
  for (let run = 0; run < runs; run++) {
    spawnSync('tmux', ['-L', `awsdeck-bench-${process.pid}`, 'kill-server']);
    const start = performance.now();
    tmux('new-session', '-d', '-s', 'b', '-x', '80', '-y', '24', ...envArgs, `node ${bundle} --demo`);
    let first;
    for (;;) {
      const pane = tmux('capture-pane', '-p', '-t', 'b');
      const now = performance.now() - start;
      const lines = pane.split('\n');
      if (first === undefined && pane.includes('awsdeck profile') && pane.includes('? help') && demoProfiles.every((p) => lines.some((l) => l.slice(1).startsWith(`${p} `)))) first = now;
      if (first !== undefined && !/checking|-  /.test(pane) && pane.includes('needs MFA')) { settled.push(now); break; }
      if (now > 15_000) throw new Error(`no complete frame:\n${pane}`);
    }
    complete.push(first);
    tmux('send-keys', '-t', 'b', 'q');
    spawnSync('tmux', ['-L', `awsdeck-bench-${process.pid}`, 'kill-server']);
  }
  return { medianMs: round(median(complete)), minMs: round(Math.min(...complete)), maxMs: round(Math.max(...complete)), allStatesKnownMedianMs: round(median(settled)) };
}

function configWith(count) {
  const home = join(out, `home-${count}`);
  mkdirSync(join(home, '.aws'), { recursive: true });
  const config = [];
  const credentials = [];
  for (let i = 0; i < count; i++) {
    const name = `profile-${String(i).padStart(4, '0')}`;
    config.push(`[profile ${name}]\nregion = us-east-1\n`);
    credentials.push(`[${name}]\naws_access_key_id = AKIABENCH${String(i).padStart(8, '0')}\naws_secret_access_key = x\n`);
  }
  writeFileSync(join(home, '.aws/config'), config.join('\n'));
  writeFileSync(join(home, '.aws/credentials'), credentials.join('\n'));
  return {
    HOME: home, AWS_CONFIG_FILE: join(home, '.aws/config'), AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws/credentials'),
    AWS_EC2_METADATA_DISABLED: 'true', AWS_ENDPOINT_URL: 'http://127.0.0.1:9', AWS_MAX_ATTEMPTS: '1', CI: 'false',
    FORCE_COLOR: '3', TERM: 'xterm-256color', PATH: process.env.PATH,
  };
}

// The pty driver: Python's pty module gives the bundle a real terminal (120x40) with no tmux in
// between, so the timings are the app's own. It prints one JSON line.
const ptyDriver = String.raw`
import json, os, pty, select, struct, fcntl, termios, time, sys
argv = json.loads(sys.argv[1]); keys = json.loads(sys.argv[2])
pid, fd = pty.fork()
if pid == 0:
    os.execvp(argv[0], argv)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 40, 120, 0, 0))
out = bytearray()
def read_until(pred, timeout):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], max(0, end - time.monotonic()))
        if r:
            try: chunk = os.read(fd, 65536)
            except OSError: return False
            out.extend(chunk)
            if pred(): return True
    return pred()
t0 = time.monotonic()
read_until(lambda: b'profile-0000' in out and b'help' in out, 20)
first = (time.monotonic() - t0) * 1000
# Let the 500 background identity checks finish (their failures redraw rows): quiet for 500 ms.
last = len(out)
while True:
    read_until(lambda: False, 1.0)
    if len(out) == last: break
    last = len(out)
before_nav = len(out)
times = []
missed = 0
for key in keys:
    time.sleep(0.04)  # outside Ink's 30 fps throttle window
    mark = len(out)
    start = time.monotonic()
    os.write(fd, key.encode())
    if read_until(lambda: out.find(b'\x1b[?2026l', mark) >= 0, 2):
        times.append((time.monotonic() - start) * 1000)
    else:
        missed += 1
nav = bytes(out[before_nav:])
os.write(fd, b'q')
read_until(lambda: False, 1)
times.sort()
print(json.dumps({
  'firstFrameMs': round(first, 1), 'keypresses': len(times), 'keysWithoutFrame': missed, 'medianMs': round(times[len(times)//2], 2),
  'p95Ms': round(times[int(len(times)*0.95)], 2), 'clearScreenWhileNavigating': nav.count(b'\x1b[2J'),
  'bytesPerKeypress': len(nav) // max(1, len(times)),
}))
`;

function navigation500() {
  const keys = [...'j'.repeat(60), ...'k'.repeat(20), '\x1b[6~', '\x1b[6~', '\x1b[5~', 'G', 'g', ...'j'.repeat(15)];
  const env = configWith(500);
  const result = spawnSync('python3', ['-c', ptyDriver, JSON.stringify([process.execPath, bundle]), JSON.stringify(keys)], { env, encoding: 'utf8', timeout: 120_000 });
  const line = result.stdout.split('\n').find((l) => l.startsWith('{'));
  if (!line) throw new Error(`pty driver failed: ${result.stderr}`);
  return JSON.parse(line);
}

try {
  const before = nodeStartupMs();
  const firstFrame = demoFirstFrame();
  const navigation = navigation500();
  const after = nodeStartupMs();
  console.log(JSON.stringify({
    command: 'node scripts/bundle.mjs && node bench/dashboard.mjs',
    nodeStartupMs: { before, after },
    demoFirstCompleteFrame80x24: firstFrame,
    navigation500Profiles120x40: navigation,
  }, null, 2));
} finally {
  rmSync(out, { recursive: true, force: true });
}
