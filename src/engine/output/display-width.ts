// Column width of text as the CLI's table measures it: East-Asian Wide, Fullwidth and Ambiguous
// characters take two columns, everything else (combining marks and controls included) one.
import { DOUBLE_WIDTH_RANGES } from './east-asian-width-data.js';

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isDoubleWidth(ch.codePointAt(0)!) ? 2 : 1;
  return width;
}

function isDoubleWidth(codePoint: number): boolean {
  if (codePoint < 0xa1) return false;
  let low = 0;
  let high = DOUBLE_WIDTH_RANGES.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (codePoint < DOUBLE_WIDTH_RANGES[mid * 2]) high = mid - 1;
    else if (codePoint > DOUBLE_WIDTH_RANGES[mid * 2 + 1]) low = mid + 1;
    else return true;
  }
  return false;
}
