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

/** What a version of a list changed of the one before it, by identity (listChange). */
export interface ListChange {
  /** The positions in the new list of the items the old one did not hold, in order. */
  added: number[];
  /** The positions in the old list of the items the new one does not hold, in order. */
  removed: number[];
  /** The position in the new list of an item of the old one that it kept. */
  keptAt: (i: number) => number;
  /** Whether every kept item kept its position, and each added one took the place of a removed one. */
  inPlace: boolean;
  /** Where the lists differ: the items before and after it are the same in both, the ones after shifted. */
  stretch: Stretch;
}

/**
 * The items `b` added to `a` and those it removed, or undefined past `max` of either or when a list holds an item
 * twice. Not one stretch: an event edited near the start of a draft and one added at its end in the same change (a
 * field written as Add is clicked) made a stretch of every event between them. The items between the first change
 * and the last are matched by identity, with a set of each side's.
 */
export function listChange<T>(
  a: readonly T[],
  b: readonly T[],
  max: number,
): ListChange | undefined {
  const stretch = changedStretch(a, b);
  const { at, endA, endB } = stretch;
  const inA = new Set(a.slice(at, endA));
  // An item twice in a list would be one kept item in two places: such lists are left to a whole rebuild.
  if (inA.size !== endA - at) return undefined;
  const added: number[] = [];
  for (let i = at; i < endB; i++) if (!inA.has(b[i]!)) added.push(i);
  if (added.length > max) return undefined;
  const atB = new Map<T, number>();
  for (let i = at; i < endB; i++) atB.set(b[i]!, i);
  if (atB.size !== endB - at) return undefined;
  const removed: number[] = [];
  let inPlace = a.length === b.length;
  for (let i = at; i < endA; i++) {
    const to = atB.get(a[i]!);
    if (to === undefined) removed.push(i);
    else if (to !== i) inPlace = false;
  }
  if (removed.length > max) return undefined;
  inPlace &&= added.length === removed.length && added.every((i, k) => removed[k] === i);
  const keptAt = (i: number) => (i < at ? i : i >= endA ? i - endA + endB : atB.get(a[i]!)!);
  return { added, removed, keptAt, inPlace, stretch };
}
