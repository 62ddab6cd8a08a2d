// Feeds keys to the bus one per tick. A burst ("/db" in one chunk) must not reach the view before the
// `/` it starts with has opened the filter prompt, so each key after the first waits for React to
// commit what the previous one changed.
import type { KeyPress } from './keys.js';

// React's scheduler runs on setImmediate and Ink may defer a commit past one turn (a tmux test lost
// the "o" of "/ops" with one turn); three turns passed repeatedly and cost ~1 ms per burst key.
const afterCommit = (run: () => void) => setImmediate(() => setTimeout(() => setImmediate(run), 0));

export function createKeyFeeder(deliver: (key: KeyPress) => void, nextTick: (run: () => void) => void = afterCommit) {
  const queue: KeyPress[] = [];
  let draining = false;
  const drain = () => {
    const key = queue.shift();
    if (!key) {
      draining = false;
      return;
    }
    deliver(key);
    nextTick(drain);
  };
  return (keys: KeyPress[]) => {
    queue.push(...keys);
    if (draining) return;
    draining = true;
    drain();
  };
}
