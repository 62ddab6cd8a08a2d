// "Did you mean" candidates chosen as the AWS CLI chooses them: Python difflib's
// get_close_matches (ratio of matching characters, cutoff 0.8, best three), so suggestions agree.

interface Block { a: number; b: number; size: number }

/** Longest common block in a[alo:ahi] × b[blo:bhi]; ties go to the earliest in a, then in b. */
function longestMatch(a: string, b: string, b2j: Map<string, number[]>, alo: number, ahi: number, blo: number, bhi: number): Block {
  let best: Block = { a: alo, b: blo, size: 0 };
  let lengths = new Map<number, number>();
  for (let i = alo; i < ahi; i++) {
    const next = new Map<number, number>();
    for (const j of b2j.get(a[i]) ?? []) {
      if (j < blo) continue;
      if (j >= bhi) break;
      const k = (lengths.get(j - 1) ?? 0) + 1;
      next.set(j, k);
      if (k > best.size) best = { a: i - k + 1, b: j - k + 1, size: k };
    }
    lengths = next;
  }
  return best;
}

function matchingCharacters(a: string, b: string): number {
  const b2j = new Map<string, number[]>();
  [...b].forEach((ch, j) => {
    const list = b2j.get(ch);
    if (list) list.push(j); else b2j.set(ch, [j]);
  });
  let total = 0;
  const queue: Array<[number, number, number, number]> = [[0, a.length, 0, b.length]];
  while (queue.length) {
    const [alo, ahi, blo, bhi] = queue.pop()!;
    const m = longestMatch(a, b, b2j, alo, ahi, blo, bhi);
    if (m.size === 0) continue;
    total += m.size;
    if (alo < m.a && blo < m.b) queue.push([alo, m.a, blo, m.b]);
    if (m.a + m.size < ahi && m.b + m.size < bhi) queue.push([m.a + m.size, ahi, m.b + m.size, bhi]);
  }
  return total;
}

/** difflib.SequenceMatcher(None, a, b).ratio() for strings without junk (b shorter than 200). */
export function similarityRatio(a: string, b: string): number {
  const length = a.length + b.length;
  return length ? (2 * matchingCharacters(a, b)) / length : 1;
}

/** difflib.get_close_matches(word, candidates, n, cutoff): best first, ties by larger string. */
export function closeMatches(word: string, candidates: Iterable<string>, n = 3, cutoff = 0.8): string[] {
  const scored: Array<[number, string]> = [];
  for (const candidate of candidates) {
    const score = similarityRatio(candidate, word);
    if (score >= cutoff) scored.push([score, candidate]);
  }
  scored.sort((x, y) => (y[0] - x[0]) || (x[1] < y[1] ? 1 : x[1] > y[1] ? -1 : 0));
  return scored.slice(0, n).map(([, candidate]) => candidate);
}
