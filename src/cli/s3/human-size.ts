// Sizes as the CLI prints them: `1 Byte`, `17 Bytes`, `1.5 KiB`, … (1024-based, one decimal).
const SUFFIXES = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];

export function humanReadableSize(value: number): string {
  if (value === 1) return '1 Byte';
  if (value < 1024) return `${Math.trunc(value)} Bytes`;
  for (let i = 0; i < SUFFIXES.length; i++) {
    const unit = 1024 ** (i + 2);
    // The CLI moves to the next unit when this one would round to 1024.0 or more.
    if (pythonRound((value / unit) * 1024) < 1024) return `${formatOneDecimal((1024 * value) / unit)} ${SUFFIXES[i]}`;
  }
  return `${formatOneDecimal(value / 1024 ** 6)} EiB`;
}

/** Python's round(): halves go to the even neighbour. */
function pythonRound(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** '%.1f' formatting: toFixed rounds like C's printf for the values that matter here. */
function formatOneDecimal(x: number): string {
  return x.toFixed(1);
}
