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

/** Whether `b` is `a` with some items replaced, each by one that `same` holds equal to it where it is. */
export function onlyReplaced<T>(
  a: readonly T[],
  b: readonly T[],
  same: (before: T, after: T) => boolean,
): boolean {
  if (a.length !== b.length) return false;
  const { at, endA } = changedStretch(a, b);
  for (let i = at; i < endA; i++) if (!same(a[i]!, b[i]!)) return false;
  return true;
}
