// A small unified diff for previewing a file change before it is written. Secret values are
// masked the way `aws configure` masks them, so the preview can be shown on screen.
import { universalLines } from './pystr.js';

const SECRET_KEY_RE = /^(\s*(?:aws_secret_access_key|aws_session_token|aws_security_token)\s*[=:]\s*)(.*)$/i;

export function maskSecretLine(line: string): string {
  const m = SECRET_KEY_RE.exec(line);
  if (!m || !m[2]) return line;
  return m[1] + '*'.repeat(16) + m[2].slice(-4);
}

export function unifiedDiff(before: string, after: string, path: string, context = 3): string {
  const a = before ? universalLines(before).map((l) => l.replace(/\n$/, '')) : [];
  const b = after ? universalLines(after).map((l) => l.replace(/\n$/, '')) : [];
  if (before === after) return '';
  // Longest common subsequence table (config files are small).
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  type Op = { kind: ' ' | '-' | '+'; text: string; ai: number; bi: number };
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) { ops.push({ kind: ' ', text: a[i], ai: i++, bi: j++ }); }
    else if (j < b.length && (i >= a.length || lcs[i][j + 1] >= lcs[i + 1][j])) { ops.push({ kind: '+', text: b[j], ai: i, bi: j++ }); }
    else { ops.push({ kind: '-', text: a[i], ai: i++, bi: j }); }
  }
  const out = [`--- ${path}`, `+++ ${path}`];
  let k = 0;
  while (k < ops.length) {
    if (ops[k].kind === ' ') { k++; continue; }
    const start = Math.max(0, k - context);
    let end = k;
    while (end < ops.length) {
      if (ops[end].kind !== ' ') { end++; continue; }
      let run = end;
      while (run < ops.length && ops[run].kind === ' ') run++;
      if (run - end > context * 2 || run === ops.length) { end = Math.min(ops.length, end + context); break; }
      end = run;
    }
    const hunk = ops.slice(start, end);
    const aCount = hunk.filter((o) => o.kind !== '+').length;
    const bCount = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${hunk[0].ai + (aCount ? 1 : 0)},${aCount} +${hunk[0].bi + (bCount ? 1 : 0)},${bCount} @@`);
    for (const o of hunk) out.push(o.kind + maskSecretLine(o.text));
    k = end;
  }
  return out.join('\n') + '\n';
}
