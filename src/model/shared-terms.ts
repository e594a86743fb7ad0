// One string per distinct term across an incident's events, instead of one per occurrence.

/**
 * Makes the term fields of `events` (precision, phase, actor, action, systems, outcome, techniques, citation
 * sources, relation kinds, milestones) share one string per distinct value, taken from `pool` and added to it, in
 * place. JSON.parse gives every occurrence a string of its own: at 100,000 full-field events, 1.1 million of the
 * page's 4 million heap objects were such copies, and each garbage collection marks every one. The events are
 * JSON.parse's, not checked yet: only own properties and list items that hold a string are written.
 */
export function shareTerms(events: readonly unknown[], pool: Map<string, string>): void {
  const shared = (value: string) => {
    const known = pool.get(value);
    if (known !== undefined) return known;
    pool.set(value, value);
    return value;
  };
  // Only own properties that hold a string are written: anything else in a file not checked yet stays as it is.
  const shareField = (owner: Record<string, unknown>, key: string) => {
    const value = owner[key];
    if (typeof value === 'string' && Object.hasOwn(owner, key)) owner[key] = shared(value);
  };
  const shareList = (list: unknown, key?: string) => {
    if (!Array.isArray(list)) return;
    for (let i = 0; i < list.length; i++) {
      const item: unknown = list[i];
      if (key === undefined) {
        if (typeof item === 'string') list[i] = shared(item);
      } else if (typeof item === 'object' && item !== null)
        shareField(item as Record<string, unknown>, key);
    }
  };
  for (const event of events) {
    if (typeof event !== 'object' || event === null) continue;
    const e = event as Record<string, unknown>;
    for (const field of FIELDS) shareField(e, field);
    shareList(e.systems);
    shareList(e.techniques);
    shareList(e.milestones);
    shareList(e.citations, 'source');
    shareList(e.related, 'kind');
  }
}

const FIELDS = ['precision', 'phase', 'actor', 'action', 'outcome'] as const;
