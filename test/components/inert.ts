// What a dashboard frame may hold when the data in it is hostile: SGR colour sequences that Ink
// itself draws, and nothing else a terminal would act on.
import { expect } from 'vitest';

export function expectInert(raw: string): void {
  const withoutSgr = raw.replace(/\x1b\[[0-9;]*m/g, '');
  expect(withoutSgr).not.toContain('\x1b');
  expect(raw).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/); // C0 controls except the line breaks Ink draws
  expect(raw).not.toMatch(/[\x80-\x9f]/); // C1 controls (8-bit CSI/OSC)
  expect(raw).not.toMatch(/[\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/);
  // Data that looks like SGR is data too: it must be shown escaped, not passed on as colour.
  expect(raw).not.toContain('\x1b[31mtext');
  expect(raw).not.toContain('\x1b[31mred');
}
