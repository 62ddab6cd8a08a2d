// The sandbox's fault mode: network and service faults injected on purpose, per service,
// operation and region, so the retry policy, timeouts, clock-skew correction and credential
// refresh can be proven against a real server. A plan is written as a small spec:
//
//   ec2:DescribeInstances@eu-west-1=throttle*5; s3api=503*2; sts=reset*1; *=skew:+900
//
// A rule is `[TARGET=]FAULT[*COUNT]`. FAULT is 500, 503, 429 (any status; `:Code` names the code),
// throttle[:Code], reset, hang, slow:MS, skew:SECONDS or expire-after:N. TARGET is
// `service[:Operation][@region]` or `*` (the default); COUNT is how many matching requests get the
// fault (every one when absent).

export type FaultKind = 'error' | 'reset' | 'hang' | 'slow' | 'skew' | 'expire';

export interface FaultRule {
  /** The rule as written, for listings. */
  text: string;
  service?: string;
  operation?: string;
  region?: string;
  kind: FaultKind;
  /** `error`: the HTTP status, and the error code when the spec named one (else the protocol's own). */
  status?: number;
  code?: string;
  /** `throttle` asks for the called protocol's throttling code. */
  throttle?: boolean;
  /** `slow`: how long every matching answer is held back. */
  delayMs?: number;
  /** `skew`: the server clock's offset from the real one. */
  offsetMs?: number;
  /** `expire`: how many requests a temporary access key serves before it is refused as expired. */
  uses?: number;
  /** Matching requests (or, for `expire`, keys) still to fault; undefined for every one. */
  remaining?: number;
  hits: number;
}

export interface FaultTarget { service: string; operation: string; region: string }

/** One request as the fault mode saw it: tests count attempts with these. */
export interface FaultRecord extends FaultTarget {
  /** The rule that faulted it, if any. */
  fault?: string;
  /** The status answered (none for a hang or a reset). */
  status?: number;
  /** When it arrived and when its answer left (epoch ms). */
  at: number;
  doneAt?: number;
}

const SEEN_LIMIT = 2000;

export class FaultSpecError extends Error {}

function parseFault(text: string): Omit<FaultRule, 'text' | 'hits'> {
  const [name, arg] = text.includes(':') ? [text.slice(0, text.indexOf(':')), text.slice(text.indexOf(':') + 1)] : [text, undefined];
  if (/^[45]\d\d$/.test(name!)) return { kind: 'error', status: Number(name), code: arg || undefined };
  switch (name) {
    case 'throttle': return { kind: 'error', throttle: true, code: arg || undefined };
    case 'reset': return { kind: 'reset' };
    case 'hang': return { kind: 'hang' };
    case 'slow': {
      const ms = Number(arg);
      if (!Number.isInteger(ms) || ms < 0) throw new FaultSpecError(`slow needs milliseconds, e.g. slow:300 (got "${text}")`);
      return { kind: 'slow', delayMs: ms };
    }
    case 'skew': {
      const seconds = Number(arg);
      if (!arg || !Number.isFinite(seconds)) throw new FaultSpecError(`skew needs seconds, e.g. skew:+900 (got "${text}")`);
      return { kind: 'skew', offsetMs: seconds * 1000 };
    }
    case 'expire-after': {
      const uses = Number(arg);
      if (!Number.isInteger(uses) || uses < 1) throw new FaultSpecError(`expire-after needs a number of requests, e.g. expire-after:3 (got "${text}")`);
      return { kind: 'expire', uses };
    }
    default:
      throw new FaultSpecError(`unknown fault "${text}": expected 500, 503, 429, throttle[:Code], reset, hang, slow:MS, skew:SECONDS or expire-after:N`);
  }
}

function parseTarget(text: string): Pick<FaultRule, 'service' | 'operation' | 'region'> {
  if (text === '*' || text === '') return {};
  const m = /^([a-z0-9-]+|\*)(?::([A-Za-z0-9]+|\*))?(?:@([a-z0-9-]+|\*))?$/.exec(text);
  if (!m) throw new FaultSpecError(`bad target "${text}": expected service[:Operation][@region] or *`);
  const any = (v: string | undefined) => (v === '*' ? undefined : v);
  return { service: any(m[1]), operation: any(m[2]), region: any(m[3]) };
}

export function parseFaultSpec(spec: string): FaultRule[] {
  const rules: FaultRule[] = [];
  for (const raw of spec.split(/[;\n]/)) {
    const text = raw.trim();
    if (!text) continue;
    const eq = text.lastIndexOf('=');
    const [target, rest] = eq < 0 ? ['*', text] : [text.slice(0, eq).trim(), text.slice(eq + 1).trim()];
    const star = rest.lastIndexOf('*');
    const [fault, count] = star < 0 ? [rest, undefined] : [rest.slice(0, star), rest.slice(star + 1)];
    const remaining = count === undefined ? undefined : Number(count);
    if (remaining !== undefined && (!Number.isInteger(remaining) || remaining < 0)) throw new FaultSpecError(`bad count in "${text}"`);
    rules.push({ text, ...parseTarget(target), ...parseFault(fault.trim()), remaining, hits: 0 });
  }
  return rules;
}

function matches(rule: FaultRule, t: FaultTarget): boolean {
  return (!rule.service || rule.service === t.service)
    && (!rule.operation || rule.operation === t.operation)
    && (!rule.region || rule.region === t.region);
}

export class FaultPlan {
  rules: FaultRule[] = [];
  /** Every request since the plan was set (the most recent SEEN_LIMIT). */
  readonly seen: FaultRecord[] = [];
  /** Requests served by each temporary access key under an `expire` rule. */
  private readonly keyUses = new Map<string, number>();

  constructor(spec = '') {
    this.set(spec);
  }

  set(spec: string): void {
    this.rules = parseFaultSpec(spec);
    this.seen.length = 0;
    this.keyUses.clear();
  }

  get active(): boolean {
    return this.rules.length > 0;
  }

  /** The server clock's offset for this request (the first matching `skew` rule). */
  clockOffsetMs(target: FaultTarget): number {
    return this.rules.find((r) => r.kind === 'skew' && matches(r, target))?.offsetMs ?? 0;
  }

  /** Notes a request as it arrives; the caller fills in what happened to it. */
  arrive(target: FaultTarget): FaultRecord {
    const record: FaultRecord = { ...target, at: Date.now() };
    if (!this.active) return record;
    this.seen.push(record);
    if (this.seen.length > SEEN_LIMIT) this.seen.splice(0, this.seen.length - SEEN_LIMIT);
    return record;
  }

  /** How long this request's answer is held back (the first matching `slow` rule). */
  delayMs(target: FaultTarget): number {
    return this.rules.find((r) => r.kind === 'slow' && matches(r, target))?.delayMs ?? 0;
  }

  /** The per-request fault this request gets (error, reset or hang), consuming one of its count. */
  take(record: FaultRecord): FaultRule | undefined {
    const rule = this.rules.find((r) => (r.kind === 'error' || r.kind === 'reset' || r.kind === 'hang') && matches(r, record) && r.remaining !== 0);
    if (rule) {
      rule.hits++;
      if (rule.remaining !== undefined) rule.remaining--;
      record.fault = rule.text;
    }
    return rule;
  }

  /** True when this temporary key has served its share under an `expire` rule and must now be refused. */
  expires(record: FaultRecord, accessKeyId: string): boolean {
    const rule = this.rules.find((r) => r.kind === 'expire' && matches(r, record) && r.remaining !== 0);
    if (!rule) return false;
    const used = (this.keyUses.get(accessKeyId) ?? 0) + 1;
    this.keyUses.set(accessKeyId, used);
    if (used <= rule.uses!) return false;
    rule.hits++;
    if (rule.remaining !== undefined) rule.remaining--;
    this.keyUses.delete(accessKeyId);
    record.fault = rule.text;
    return true;
  }

  /** What GET /sandbox/faults shows. */
  describe(): { rules: Array<{ rule: string; hits: number; remaining: number | null }>; requests: FaultRecord[] } {
    return { rules: this.rules.map((r) => ({ rule: r.text, hits: r.hits, remaining: r.remaining ?? null })), requests: this.seen };
  }
}
