// Runs at most `limit` tasks at once: identity checks for many profiles must not open dozens of
// connections or trip STS throttling.
export function createLimiter(limit: number) {
  let running = 0;
  const queue: Array<() => void> = [];
  const next = () => {
    if (running >= limit) return;
    const start = queue.shift();
    if (start) start();
  };
  return function run<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push(() => {
        running++;
        task().then(resolve, reject).finally(() => {
          running--;
          next();
        });
      });
      next();
    });
  };
}
