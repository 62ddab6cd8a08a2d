// Bundled by bench/dashboard.mjs. BENCH_MODE=tty opens the dashboard on the real terminal (for the
// first-frame timing under tmux); BENCH_MODE=keys drives it in-process on a fake 120x40 TTY and
// prints keypress→frame timings and the count of full-screen clears as JSON.
import { EventEmitter } from 'node:events';
import { runDashboard } from '../src/app/run-dashboard.tsx';

const modulesLoadedMs = performance.now();

class FakeTty extends EventEmitter {
  isTTY = true; columns = 120; rows = 40; chunks = [];
  write(chunk) { this.chunks.push(String(chunk)); this.emit('wrote'); return true; }
}
class FakeStdin extends EventEmitter {
  isTTY = true; pending = null;
  setEncoding() {} setRawMode() {} resume() {} pause() {} ref() {} unref() {}
  read() { const data = this.pending; this.pending = null; return data; }
  send(data) { this.pending = data; this.emit('readable'); }
}

if (process.env.BENCH_MODE === 'tty') {
  process.exitCode = await runDashboard({ env: process.env });
} else {
  const stdout = new FakeTty();
  const stdin = new FakeStdin();
  const done = runDashboard({ env: process.env, stdout, stdin });
  const waitFor = (test, ms = 10000) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    const check = () => { if (test()) { clearTimeout(timer); stdout.off('wrote', check); resolve(); } };
    stdout.on('wrote', check); check();
  });
  // performance.now() counts from process start, so this includes Node's own startup.
  await waitFor(() => { const all = stdout.chunks.join(''); return all.includes('profile-0000') && all.includes('help'); });
  const firstFrameMs = performance.now();
  await new Promise((r) => setTimeout(r, 500));
  const clearsBefore = stdout.chunks.join('').split('\x1b[2J').length - 1;
  const times = [];
  const keys = [...'j'.repeat(60), ...'k'.repeat(20), '\x1b[6~', '\x1b[6~', 'G', 'g'];
  for (const key of keys) {
    await new Promise((r) => setTimeout(r, 40)); // outside Ink's 30 fps throttle window
    const before = stdout.chunks.length;
    const start = performance.now();
    stdin.send(key);
    await waitFor(() => stdout.chunks.length > before, 1000).catch(() => {});
    times.push(performance.now() - start);
  }
  const all = stdout.chunks.join('');
  times.sort((a, b) => a - b);
  console.error(JSON.stringify({
    modulesLoadedMs: +modulesLoadedMs.toFixed(0),
    firstCompleteFrameInProcessMs: +firstFrameMs.toFixed(0),
    keypresses: times.length,
    medianMs: +times[Math.floor(times.length / 2)].toFixed(2),
    p95Ms: +times[Math.floor(times.length * 0.95)].toFixed(2),
    clearScreenWhileNavigating: all.split('\x1b[2J').length - 1 - clearsBefore,
    clearScreenTotal: all.split('\x1b[2J').length - 1,
  }));
  stdin.send('q');
  await done;
  process.exit(0);
}
