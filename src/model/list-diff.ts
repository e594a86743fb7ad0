// Where two versions of a list differ. An edit replaces items, never changes them in place, so identity says what changed.

/** From `at`, `a`'s items before `endA` were replaced by `b`'s before `endB`; the rest of both is the same items. */
export interface Stretch {
  at: number;
  endA: number;
  endB: number;
}

/** The stretch from the first item of `a` and `b` that differs to the last, compared by identity. */
export function changedStretch<T>(a: readonly T[], b: readonly T[]): Stretch {
  const shorter = Math.min(a.length, b.length);
  let at = 0;
  while (at < shorter && a[at] === b[at]) at++;
  let same = 0;
  while (same < shorter - at && a[a.length - 1 - same] === b[b.length - 1 - same]) same++;
  return { at, endA: a.length - same, endB: b.length - same };
}
