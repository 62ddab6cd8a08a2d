// A type-to-filter list model: every word typed must appear in the item's label (any order, any
// case). Labels are lower-cased once, so filtering thousands of items is a plain scan per key.
export interface FilterItem<T> {
  label: string;
  value: T;
}

export class FilterList<T> {
  private readonly haystack: string[];

  constructor(readonly items: FilterItem<T>[]) {
    this.haystack = items.map((i) => i.label.toLowerCase());
  }

  /** Indices of the items matching `query`, in list order. */
  matches(query: string): number[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const out: number[] = [];
    for (let i = 0; i < this.haystack.length; i++) {
      const text = this.haystack[i]!;
      if (words.every((w) => text.includes(w))) out.push(i);
    }
    return out;
  }
}

/** The slice of rows to draw so the cursor stays visible. */
export function visibleWindow(total: number, cursor: number, height: number): { start: number; end: number } {
  if (total <= height) return { start: 0, end: total };
  const start = Math.min(Math.max(0, cursor - Math.floor(height / 2)), total - height);
  return { start, end: start + height };
}
