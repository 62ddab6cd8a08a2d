// Resource browser benchmark on the real bundle (node scripts/bundle.mjs → dist/awsdeck.js), in a
// real 120x40 pty driven by Python's `pty` module (as bench/dashboard.mjs does), every frame timed
// to its end (Ink ends each frame with ESC[?2026l). Side by side in one run, for two set-ups:
//   demo      `awsdeck --demo`: the sandbox (with its own 100,000 objects) runs in the same process;
//   separate  `awsdeck sandbox --port 0` in its own process and `awsdeck` with a config pointing at it,
//             so the app's memory and event loop are its own.
// Measures, per set-up (RUNS app launches each, default 3):
//   1. Enter → first page drawn for `:ec2` (DescribeInstances), `:s3` (ListBuckets), Enter on the
//      100,000-object bucket (ListObjectsV2 with Delimiter=/) and `f` (its flat first page), against
//      the server's own time for the same signed request sent directly from this process in the same run;
//   2. keypress → frame (j/k/PgDn/PgUp/g/G) while the flat listing's 100 pages stream in, and again
//      with all 100,000 rows loaded: a key counts once a frame shows the selection moved;
//   3. RSS of the app with all 100,000 rows loaded (and of the separate sandbox process).
// `node -e 0` is timed before and after so machine load shows. Never contacts AWS.
// Run: node scripts/bundle.mjs && node bench/browser.mjs [demo|separate]
//      BUNDLE=/path/to/awsdeck.js compares another build; RUNS=n app launches per set-up;
//      CPU_PROF=dir writes a --cpu-prof profile per app launch into dir (the app quits cleanly);
//      HEAP_SNAPSHOT=dir writes a heap snapshot of the app with the 100,000 rows loaded into dir, and
//      REPORT=dir a Node diagnostic report (heap spaces, resource usage) at the same moment.
import { execFileSync, spawn } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SignatureV4 } from '@smithy/signature-v4';

const root = new URL('..', import.meta.url).pathname;
const bundle = process.env.BUNDLE ?? join(root, 'dist/awsdeck.js');
if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run node scripts/bundle.mjs`);
const runs = Number(process.env.RUNS ?? 3);
const cpuProfDir = process.env.CPU_PROF;
const heapSnapshotDir = process.env.HEAP_SNAPSHOT;
const reportDir = process.env.REPORT;
if (heapSnapshotDir && reportDir) throw new Error('HEAP_SNAPSHOT and REPORT both use SIGUSR2: set one');
const out = mkdtempSync(join(tmpdir(), 'awsdeck-bench-browser-'));
const BUCKET = 'awsdeck-demo-dev-telemetry';
const TARGETS = { loadedMedianMs: 16, loadedP95Ms: 25, streamingP95Ms: 50, enterOverServerMs: 50, rssMB: 250 };

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => (xs.length ? sorted(xs)[Math.floor(xs.length / 2)] : NaN);
const p95 = (xs) => (xs.length ? sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] : NaN);
const round = (x) => +x.toFixed(1);

function nodeStartupMs() {
  const samples = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    execFileSync(process.execPath, ['-e', '0']);
    samples.push(performance.now() - t);
  }
  return round(median(samples));
}

// ---- the server's own time: the app's requests, signed here and sent directly ----

class Sha256 {
  constructor(secret) { this.h = secret === undefined ? createHash('sha256') : createHmac('sha256', secret); }
  update(d) { this.h.update(d); }
  async digest() { return new Uint8Array(this.h.digest()); }
}

/** One signed request, timed from sending to the last byte of the body. */
async function timedRequest(endpoint, creds, { service, method = 'GET', path = '/', query = {}, body }) {
  const url = new URL(endpoint);
  const signer = new SignatureV4({ service, region: 'us-east-1', sha256: Sha256, uriEscapePath: service !== 's3', applyChecksum: service === 's3', credentials: creds });
  const headers = { host: url.host, ...(body ? { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } : {}) };
  const signed = await signer.sign({ method, protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path, query, headers, body });
  const search = new URLSearchParams(query).toString().replace(/\+/g, '%20');
  const started = performance.now();
  const res = await fetch(`${endpoint}${path}${search ? `?${search}` : ''}`, { method, headers: signed.headers, body });
  const text = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`${service} ${path}: HTTP ${res.status} ${text.slice(0, 200)}`);
  return { ms, text };
}

/** The first page of each view the app opens, as the app asks for it. */
const pageRequests = {
  ec2: { service: 'ec2', method: 'POST', body: 'Action=DescribeInstances&Version=2016-11-15' },
  s3: { service: 's3', path: '/' },
  bucket: { service: 's3', path: `/${BUCKET}`, query: { 'list-type': '2', prefix: '', delimiter: '/', 'encoding-type': 'url' } },
  flat: { service: 's3', path: `/${BUCKET}`, query: { 'list-type': '2', prefix: '', 'encoding-type': 'url' } },
};

/** Median of 9 requests after 2 warm-ups, per page. */
async function serverTimes(endpoint, creds) {
  const result = {};
  for (const [name, request] of Object.entries(pageRequests)) {
    const times = [];
    for (let i = 0; i < 11; i++) {
      const { ms, text } = await timedRequest(endpoint, creds, request);
      if (name === 'flat' && i === 0 && (text.match(/<Key>/g) ?? []).length !== 1000) throw new Error('the flat page should hold 1000 keys');
      if (i >= 2) times.push(ms);
    }
    result[name] = median(times);
  }
  return result;
}

// ---- the pty driver: Python runs the app in a pty and answers one JSON command per line ----

const ptyDriver = String.raw`
import json, os, pty, re, select, signal, struct, fcntl, termios, time, sys
cfg = json.loads(sys.argv[1])
winsize = struct.pack('HHHH', cfg['rows'], cfg['cols'], 0, 0)
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, winsize)
    os.execvp(cfg['argv'][0], cfg['argv'])
fcntl.ioctl(fd, termios.TIOCSWINSZ, winsize)
BSU, ESU, INVERSE = b'\x1b[?2026h', b'\x1b[?2026l', b'\x1b[7m'
ANSI = re.compile(rb'\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][0-9A-B]')
out = bytearray()
frames = []  # (start, end, time the frame's last byte was read)
scan = 0
dead = False
def pump(timeout):
    global scan, dead
    if dead: time.sleep(max(0, timeout)); return False
    r, _, _ = select.select([fd], [], [], max(0, timeout))
    if not r: return False
    try: chunk = os.read(fd, 1 << 16)
    except OSError: dead = True; return False
    now = time.monotonic()
    out.extend(chunk)
    while True:
        s = out.find(BSU, scan)
        if s < 0: break
        e = out.find(ESU, s)
        if e < 0: break
        frames.append((s, e + len(ESU), now))
        scan = e + len(ESU)
    return True
def text(i):
    s, e, _ = frames[i]
    return ANSI.sub(b'', bytes(out[s:e])).decode('utf-8', 'replace')
def selected(i, pattern):
    s, e, _ = frames[i]
    for line in bytes(out[s:e]).split(b'\n'):
        if INVERSE in line:
            t = ANSI.sub(b'', line).decode('utf-8', 'replace')
            if re.search(pattern, t): return t.strip()
    return None
def last_selected(pattern):
    for i in range(len(frames) - 1, -1, -1):
        s = selected(i, pattern)
        if s is not None: return s
    return None
def wait_frame(mark, pred, timeout):
    end = time.monotonic() + timeout
    checked = mark
    while True:
        while checked < len(frames):
            if pred(checked): return checked
            checked += 1
        if time.monotonic() >= end or dead: return None
        pump(end - time.monotonic())
def drain(seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end: pump(end - time.monotonic())
def command(c):
    op = c['op']
    if op == 'quiet':
        end = time.monotonic() + c.get('timeout', 30)
        while time.monotonic() < end and pump(c['ms'] / 1000): pass
        return {'frames': len(frames)}
    if op == 'press':
        mark = max(0, len(frames) - 1) if c.get('includeLast') else len(frames)
        t0 = time.monotonic()
        if c['keys']: os.write(fd, c['keys'].encode())
        if 'text' in c: pred = lambda i: re.search(c['text'], text(i)) is not None
        else: pred = lambda i: (lambda s: s is not None and re.search(c['selected'], s) is not None)(selected(i, c['rowPattern']))
        i = wait_frame(mark, pred, c.get('timeout', 10))
        if i is None: return {'ms': None, 'screen': text(len(frames) - 1)[-3000:] if frames else ''}
        return {'ms': round((frames[i][2] - t0) * 1000, 2), 'frames': [round((f[2] - t0) * 1000, 1) for f in frames[mark:i + 1]], 't0': t0}
    if op == 'nav':
        times, missed, streaming, starts = [], 0, [], []
        bytes_before = len(out)
        for key in c['keys']:
            drain(c['gap'])
            if c.get('whileText') and frames and re.search(c['whileText'], text(len(frames) - 1)) is None: break
            before = last_selected(c['rowPattern'])
            mark = len(frames)
            t0 = time.monotonic()
            os.write(fd, key.encode())
            i = wait_frame(mark, lambda i: (lambda s: s is not None and s != before)(selected(i, c['rowPattern'])), 3)
            if i is None: missed += 1; continue
            times.append(round((frames[i][2] - t0) * 1000, 2))
            starts.append([t0, [round((f[2] - t0) * 1000, 1) for f in frames[mark - 1:i + 1]]])
            streaming.append(bool(c.get('whileText')) and re.search(c['whileText'], text(i)) is not None)
        return {'times': times, 'streaming': streaming, 'starts': starts, 'missed': missed, 'bytes': len(out) - bytes_before}
    if op == 'rss':
        fields = {}
        for line in open('/proc/%d/status' % pid):
            k, _, v = line.partition(':')
            if k in ('VmRSS', 'VmHWM'): fields[k] = int(v.split()[0])
        return fields
    if op == 'signal':
        os.kill(pid, getattr(signal, c['name']))
        drain(c.get('then', 0))
        return {}
    if op == 'sleep':
        drain(c['ms'] / 1000)
        return {}
    if op == 'stop':
        for key in c.get('keys', []):
            if not dead:
                try: os.write(fd, key.encode())
                except OSError: pass
            drain(0.3)
        end = time.monotonic() + c.get('grace', 0)
        while time.monotonic() < end:
            if os.waitpid(pid, os.WNOHANG)[0]: return {'exited': 'cleanly'}
            drain(0.05)
        try: os.kill(pid, signal.SIGTERM)
        except ProcessLookupError: pass
        os.waitpid(pid, 0)
        return {'exited': 'killed'}
    raise Exception('unknown op ' + op)
pending = b''
while True:
    r, _, _ = select.select([fd, 0], [], [])
    if fd in r and not dead: pump(0)
    if 0 in r:
        data = os.read(0, 65536)
        if not data: break
        pending += data
        while b'\n' in pending:
            line, pending = pending.split(b'\n', 1)
            c = json.loads(line)
            try: reply = command(c)
            except Exception as e: reply = {'error': str(e)}
            sys.stdout.write(json.dumps(reply) + '\n'); sys.stdout.flush()
            if c['op'] == 'stop': sys.exit(0)
`;

function startApp(argv, env) {
  const child = spawn('python3', ['-c', ptyDriver, JSON.stringify({ argv, rows: 40, cols: 120 })], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  const replies = createInterface({ input: child.stdout });
  const waiting = [];
  replies.on('line', (line) => waiting.shift()?.(JSON.parse(line)));
  return {
    pid: () => child.pid,
    send(command) {
      return new Promise((resolve, reject) => {
        waiting.push((reply) => (reply.error ? reject(new Error(`${command.op}: ${reply.error}`)) : resolve(reply)));
        child.stdin.write(`${JSON.stringify(command)}\n`);
      });
    },
  };
}

const PG_DN = '\x1b[6~';
const PG_UP = '\x1b[5~';
/** Every key of a unit moves the selection (k after G, g from near the bottom), whatever the row count. */
const navUnit = [...'jjjjjjjjjj', ...'kkkkk', PG_DN, PG_DN, PG_UP, 'G', 'k', 'g'];
const repeatUnit = (n) => Array.from({ length: n }, () => navUnit).flat();
const FLAT_ROW = String.raw`event-\d{6}\.json`;

/** One app launch: Enter timings, navigation while streaming and when loaded, RSS. `idle()` runs
 * while the app waits on its first screen (the server's own times are taken then). */
async function appRun(argv, env, idle) {
  const app = startApp(argv, env);
  const must = async (what, command) => {
    const reply = await app.send(command);
    if (reply.ms === null) throw new Error(`${what}: no frame within the timeout; last screen:\n${reply.screen}`);
    if (process.env.BENCH_DEBUG) console.error(JSON.stringify({ what, frames: reply.frames, t0: reply.t0 }));
    return reply.ms;
  };
  const enter = {};
  await must('first frame', { op: 'press', keys: '', includeLast: true, text: 'help', timeout: 20 });
  await app.send({ op: 'quiet', ms: 700 }); // the identity checks settle
  const server = await idle();
  await app.send({ op: 'quiet', ms: 300 });
  // Every timed key comes after 100 ms without output: outside Ink's 30 fps throttle window.
  const settle = () => app.send({ op: 'quiet', ms: 100 });
  const open = async (page, view, shows) => {
    await must('palette', { op: 'press', keys: ':', text: '(^|\\n):' });
    await must(`typing ${view}`, { op: 'press', keys: view, text: `:${view}` });
    await settle();
    enter[page] = await must(`:${view} Enter`, { op: 'press', keys: '\r', text: shows, timeout: 20 });
    await app.send({ op: 'quiet', ms: 300 });
  };
  await open('ec2', 'ec2', String.raw`i-[0-9a-f]{8,17}\s`);
  await open('s3', 's3', BUCKET);
  await must('G to the bucket', { op: 'press', keys: 'G', selected: BUCKET, rowPattern: 'awsdeck-demo-' });
  await settle();
  enter.bucket = await must('Enter on the bucket', { op: 'press', keys: '\r', text: String.raw`\nevents/\s`, timeout: 20 });
  await app.send({ op: 'quiet', ms: 300 });
  const rssBefore = await app.send({ op: 'rss' });
  enter.flat = await must('f', { op: 'press', keys: 'f', text: 'event-000000\\.json', timeout: 20 });
  // Streaming: keys for as long as the status line says more pages are loading.
  const streaming = await app.send({ op: 'nav', keys: repeatUnit(40), gap: 0.04, rowPattern: FLAT_ROW, whileText: 'loading more' });
  if (process.env.BENCH_DEBUG) console.error(JSON.stringify({ what: 'streaming keys', keys: streaming.times.map((ms, i) => [streaming.starts[i], ms, streaming.streaming[i]]) }));
  await must('all pages', { op: 'press', keys: '', includeLast: true, text: String.raw`100000 rows · \d+ pages`, timeout: 180 });
  await app.send({ op: 'quiet', ms: 1000 });
  const loaded = await app.send({ op: 'nav', keys: repeatUnit(5), gap: 0.04, rowPattern: FLAT_ROW });
  await app.send({ op: 'sleep', ms: 1000 });
  const rss = await app.send({ op: 'rss' });
  if (process.env.BENCH_DEBUG) {
    const series = [];
    for (let i = 0; i < 12; i++) { await app.send({ op: 'sleep', ms: 1000 }); series.push(Math.round((await app.send({ op: 'rss' })).VmRSS / 1024)); }
    console.error(JSON.stringify({ what: 'rss every second after', series }));
  }
  if (heapSnapshotDir || reportDir) await app.send({ op: 'signal', name: 'SIGUSR2', then: heapSnapshotDir ? 30 : 2 });
  // Esc back to the dashboard, then q (a --cpu-prof profile is written only on a clean exit).
  const stop = await app.send({ op: 'stop', keys: ['\x1b', '\x1b', '\x1b', '\x1b', 'q'], grace: cpuProfDir ? 10 : 1 });
  return {
    enter, server,
    streaming: { times: streaming.times.filter((_, i) => streaming.streaming[i]), missed: streaming.missed },
    loaded: { times: loaded.times, missed: loaded.missed, bytesPerKey: Math.round(loaded.bytes / Math.max(1, loaded.times.length)) },
    rssBeforeMB: rssBefore.VmRSS / 1024, rssMB: rss.VmRSS / 1024, peakRssMB: rss.VmHWM / 1024, exited: stop.exited,
  };
}

/** `node [--cpu-prof …] awsdeck.js …args` (Node 20 refuses --cpu-prof in NODE_OPTIONS). */
const appArgv = (...args) => [
  process.execPath, ...(cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : []),
  ...(heapSnapshotDir ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${heapSnapshotDir}`] : []),
  ...(reportDir ? ['--report-on-signal', '--report-signal=SIGUSR2', `--report-directory=${reportDir}`] : []), bundle, ...args,
];
const baseEnv = (home) => ({
  HOME: home, TMPDIR: home, CI: 'false', FORCE_COLOR: '3', TERM: 'xterm-256color', PATH: process.env.PATH,
});

/** The demo's sandbox listens on a port of its own choosing: the config folder it wrote says which. */
function demoServer(home) {
  const dir = readdirSync(home).find((d) => d.startsWith('awsdeck-demo-'));
  if (!dir) throw new Error('the demo wrote no config folder');
  const config = readFileSync(join(home, dir, '.aws/config'), 'utf8');
  const credentials = readFileSync(join(home, dir, '.aws/credentials'), 'utf8');
  return {
    endpoint: /endpoint_url = (\S+)/.exec(config)[1],
    creds: { accessKeyId: /aws_access_key_id = (\S+)/.exec(credentials)[1], secretAccessKey: /aws_secret_access_key = (\S+)/.exec(credentials)[1] },
  };
}

async function setupDemo(run) {
  const home = join(out, `demo-${run}`);
  mkdirSync(home, { recursive: true });
  return { argv: appArgv('--demo'), env: baseEnv(home), server: () => demoServer(home), close: async () => {} };
}

async function setupSeparate(run) {
  const home = join(out, `separate-${run}`);
  mkdirSync(join(home, '.aws'), { recursive: true });
  const sandbox = spawn(process.execPath, [bundle, 'sandbox', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let banner = '';
  await new Promise((resolve, reject) => {
    sandbox.stdout.on('data', (d) => { banner += d; if (banner.includes('Ctrl-C')) resolve(); });
    sandbox.once('exit', () => reject(new Error(`the sandbox exited: ${banner}`)));
  });
  const url = /listening on (\S+)/.exec(banner)[1];
  const id = /AWS_ACCESS_KEY_ID=(\S+)/.exec(banner)[1];
  const secret = /AWS_SECRET_ACCESS_KEY=(\S+)/.exec(banner)[1];
  writeFileSync(join(home, '.aws/config'), `[default]\nregion = us-east-1\nendpoint_url = ${url}\n`);
  writeFileSync(join(home, '.aws/credentials'), `[default]\naws_access_key_id = ${id}\naws_secret_access_key = ${secret}\n`);
  const env = {
    ...baseEnv(home), AWS_CONFIG_FILE: join(home, '.aws/config'), AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws/credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  const rssMB = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${sandbox.pid}/status`, 'utf8'))[1]) / 1024;
  return {
    argv: appArgv(), env, server: () => ({ endpoint: url, creds: { accessKeyId: id, secretAccessKey: secret } }), sandboxRssMB: rssMB,
    close: async () => { sandbox.kill('SIGTERM'); await new Promise((r) => sandbox.once('exit', r)); },
  };
}

async function measure(name, setup) {
  const perRun = [];
  const server = [];
  let sandboxRss;
  for (let run = 0; run < runs; run++) {
    const s = await setup(run);
    try {
      const result = await appRun(s.argv, s.env, () => { const { endpoint, creds } = s.server(); return serverTimes(endpoint, creds); });
      server.push(result.server);
      perRun.push(result);
      if (s.sandboxRssMB) sandboxRss = s.sandboxRssMB();
    } finally {
      await s.close();
    }
  }
  const pool = (pick) => perRun.flatMap(pick);
  const stats = (xs) => ({ medianMs: round(median(xs)), p95Ms: round(p95(xs)), keys: xs.length });
  const loaded = stats(pool((r) => r.loaded.times));
  const streaming = stats(pool((r) => r.streaming.times));
  const enter = {};
  for (const page of Object.keys(pageRequests)) {
    const app = median(perRun.map((r) => r.enter[page]));
    const srv = median(server.map((s) => s[page]));
    enter[page] = { appMs: round(app), serverMs: round(srv), overServerMs: round(app - srv), ratio: +(app / srv).toFixed(1), targetMet: app - srv <= TARGETS.enterOverServerMs };
  }
  const rssMB = median(perRun.map((r) => r.rssMB));
  return {
    [name]: {
      enterToFirstPage: enter,
      keypressLoaded100k: { ...loaded, missed: pool((r) => [r.loaded.missed]).reduce((a, b) => a + b, 0), bytesPerKey: median(perRun.map((r) => r.loaded.bytesPerKey)),
        targetMet: loaded.medianMs <= TARGETS.loadedMedianMs && loaded.p95Ms <= TARGETS.loadedP95Ms },
      keypressWhileStreaming: { ...streaming, missed: pool((r) => [r.streaming.missed]).reduce((a, b) => a + b, 0), targetMet: streaming.p95Ms <= TARGETS.streamingP95Ms },
      rss100kLoadedMB: { median: round(rssMB), runs: perRun.map((r) => round(r.rssMB)), beforeTheListing: round(median(perRun.map((r) => r.rssBeforeMB))), peak: round(Math.max(...perRun.map((r) => r.peakRssMB))), targetMet: rssMB <= TARGETS.rssMB },
      ...(sandboxRss ? { separateSandboxRssMB: round(sandboxRss) } : {}),
      exits: perRun.map((r) => r.exited),
    },
  };
}

const setups = { demo: setupDemo, separate: setupSeparate };
const chosen = process.argv.slice(2);
for (const name of chosen) if (!setups[name]) throw new Error(`unknown set-up ${name}; known: ${Object.keys(setups).join(', ')}`);
try {
  if (cpuProfDir) mkdirSync(cpuProfDir, { recursive: true });
  const before = nodeStartupMs();
  const results = {};
  for (const [name, setup] of Object.entries(setups)) if (!chosen.length || chosen.includes(name)) Object.assign(results, await measure(name, setup));
  const after = nodeStartupMs();
  console.log(JSON.stringify({
    command: `node scripts/bundle.mjs && node bench/browser.mjs${chosen.length ? ` ${chosen.join(' ')}` : ''}`,
    bundle: process.env.BUNDLE ?? 'dist/awsdeck.js', runs, targets: TARGETS,
    nodeE0Ms: { before, after },
    ...results,
  }, null, 2));
} finally {
  rmSync(out, { recursive: true, force: true });
}
