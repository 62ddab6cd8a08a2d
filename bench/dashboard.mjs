// Dashboard benchmark on the real bundle (node scripts/bundle.mjs → dist/awsdeck.js):
//  1. first-frame: time from launching `awsdeck --demo` in tmux 80x24 to the first complete frame
//     (header, every demo profile row and the footer on screen), and until every state is known;
//     its ratio to `node -e 0` timed just before each run, against the target of at most 4×;
//  2. navigation: keypress→frame median on a 500-profile config, through a real pty: the time from
//     writing a key to the end of the frame Ink writes for it (each frame ends with ESC[?2026l);
//     and ESC[2J (full clears) written while navigating.
// `node -e 0` is also timed before and after everything so machine load shows. Never contacts AWS:
// the demo talks to its in-process sandbox; the 500-profile run points every endpoint at a closed
// local port.
// Run: node scripts/bundle.mjs && node bench/dashboard.mjs [measure ...]   (default: all measures)
//      BUNDLE=/path/to/awsdeck.js compares another build; RUNS=n sets the runs per measure (9).
// A new measure (the resource browser, say) is a function added to `measures` below; tmuxSession()
// starts a command in its own tmux server and waits for screens.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bundle = process.env.BUNDLE ?? join(root, 'dist/awsdeck.js');
if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run node scripts/bundle.mjs`);
const out = mkdtempSync(join(tmpdir(), 'awsdeck-bench-'));
const runs = Number(process.env.RUNS ?? 9);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => +x.toFixed(1);
const sleep = (ms) => spawnSync('sleep', [String(ms / 1000)]);
/** The first-frame target: at most this many times `node -e 0` measured in the same run. */
const FIRST_FRAME_TARGET_RATIO = 4;

function nodeE0Ms() {
  const t = performance.now();
  execFileSync(process.execPath, ['-e', '0']);
  return performance.now() - t;
}

function nodeStartupMs() {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(nodeE0Ms());
  return round(median(samples));
}

let tmuxServers = 0;
/**
 * Starts `command` in a new tmux server (its own socket, so a server still shutting down from the
 * previous run is never reused: that failed now and then with "server exited unexpectedly").
 */
function tmuxSession(command, { width = 80, height = 24, env = {} } = {}) {
  const socket = `awsdeck-bench-${process.pid}-${tmuxServers++}`;
  const tmux = (...args) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const envArgs = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  const start = performance.now();
  tmux('new-session', '-d', '-s', 'b', '-x', String(width), '-y', String(height), ...envArgs, command);
  return {
    start,
    capture: () => tmux('capture-pane', '-p', '-t', 'b'),
    send: (...keys) => tmux('send-keys', '-t', 'b', ...keys),
    /** Polls the screen until `done(pane, msSinceStart)` is true; returns the ms since start. */
    waitFor(done, timeoutMs = 15_000) {
      for (;;) {
        const pane = tmux('capture-pane', '-p', '-t', 'b');
        const now = performance.now() - start;
        if (done(pane, now)) return now;
        if (now > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms:\n${pane}`);
      }
    },
    kill() {
      spawnSync('tmux', ['-L', socket, 'kill-server']);
      sleep(250); // let the app and the tmux server exit before the next run starts
    },
  };
}

const demoProfiles = ['default', 'dev-admin', 'dev-readonly', 'staging-admin', 'staging-readonly', 'prod-admin', 'prod-readonly', 'demo', 'prod-breakglass'];

/** tmux 80x24, `awsdeck --demo`: ms to the first complete frame, and to every state resolved. */
function demoFirstFrame() {
  // CI=false lets Ink draw; supports-color reads any CI variable as "no colour", so FORCE_COLOR puts colour back.
  const env = { CI: 'false', FORCE_COLOR: '3', TERM: 'xterm-256color', HOME: out, TMPDIR: out, PATH: process.env.PATH };
  const complete = [];
  const settled = [];
  const nodeE0 = [];
  for (let run = 0; run < runs; run++) {
    nodeE0.push(nodeE0Ms());
    const session = tmuxSession(`node ${bundle} --demo`, { env });
    let first;
    session.waitFor((pane, now) => {
      const lines = pane.split('\n');
      if (first === undefined && pane.includes('awsdeck profile') && pane.includes('? help') && demoProfiles.every((p) => lines.some((l) => l.slice(1).startsWith(`${p} `)))) first = now;
      if (first !== undefined && !/checking|-  /.test(pane) && pane.includes('needs MFA')) { settled.push(now); return true; }
      return false;
    });
    complete.push(first);
    session.send('q');
    session.kill();
  }
  const medianMs = round(median(complete));
  const nodeE0MedianMs = round(median(nodeE0));
  const ratioToNodeE0 = +(medianMs / nodeE0MedianMs).toFixed(2);
  return {
    medianMs, minMs: round(Math.min(...complete)), maxMs: round(Math.max(...complete)), allStatesKnownMedianMs: round(median(settled)),
    nodeE0BeforeEachRunMedianMs: nodeE0MedianMs, ratioToNodeE0, target: `<= ${FIRST_FRAME_TARGET_RATIO}x node -e 0`,
    targetMet: ratioToNodeE0 <= FIRST_FRAME_TARGET_RATIO,
  };
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

const measures = {
  'first-frame': () => ({ demoFirstCompleteFrame80x24: demoFirstFrame() }),
  navigation: () => ({ navigation500Profiles120x40: navigation500() }),
};

const chosen = process.argv.slice(2);
for (const name of chosen) if (!measures[name]) throw new Error(`unknown measure ${name}; known: ${Object.keys(measures).join(', ')}`);
try {
  const before = nodeStartupMs();
  const results = {};
  for (const [name, measure] of Object.entries(measures)) if (!chosen.length || chosen.includes(name)) Object.assign(results, measure());
  const after = nodeStartupMs();
  console.log(JSON.stringify({
    command: `node scripts/bundle.mjs && node bench/dashboard.mjs${chosen.length ? ` ${chosen.join(' ')}` : ''}`,
    bundle: process.env.BUNDLE ?? 'dist/awsdeck.js',
    nodeStartupMs: { before, after },
    ...results,
  }, null, 2));
} finally {
  rmSync(out, { recursive: true, force: true });
}
