// Problem lists kept short: a hostile file can hold a million mistakes, and a reader needs one of each kind.
import type { Problem } from './incident';
import { problemText } from './problem-codes';

/** The most problems any loader or importer reports, plus one line saying how many more there were. */
export const MAX_PROBLEMS = 100;

/** How many problems a list reports, counting those a capped list left out. */
export const problemCount = (problems: readonly Problem[]) =>
  problems.reduce((n, p) => n + (p.more ?? 1), 0);

/**
 * What a problem is about with its places and values left out, so that "events[7].phase: unknown phases id
 * "recon"" and "events[9].phase: unknown phases id "exfil"" are one kind.
 */
export function problemKind({ path, message }: Problem): string {
  return `${path}\n${message}`.replace(/"[^"\n]*"/g, '""').replace(/\d+/g, '#');
}

/**
 * At most `max` items in their order: the first of each kind, then the earliest of the rest. Showing every kind
 * first means a thousand copies of one mistake cannot hide a different one further down.
 */
export function firstOfEachKind<T>(
  items: readonly T[],
  kindOf: (item: T) => string,
  max = MAX_PROBLEMS,
): { kept: T[]; more: number; kindsLeftOut: number } {
  if (items.length <= max) return { kept: [...items], more: 0, kindsLeftOut: 0 };
  const firsts: number[] = [];
  const kinds = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    const kind = kindOf(items[i]!);
    if (kinds.has(kind)) continue;
    kinds.add(kind);
    if (firsts.length < max) firsts.push(i);
  }
  const chosen = new Set(firsts);
  for (let i = 0; chosen.size < max; i++) chosen.add(i);
  const kept = [...chosen].sort((a, b) => a - b).map((i) => items[i]!);
  return { kept, more: items.length - max, kindsLeftOut: kinds.size - firsts.length };
}

/** The problems, or the first of each kind up to MAX_PROBLEMS and a last one at `path` saying how many more. */
export function capProblems(problems: readonly Problem[], path: string): Problem[] {
  const { kept, more, kindsLeftOut } = firstOfEachKind(problems, problemKind);
  return more === 0 ? kept : [...kept, moreProblems(path, more, kindsLeftOut)];
}

/** The line that stands for the problems left out of a list. */
export function moreProblems(path: string, more: number, kindsLeftOut: number): Problem {
  return {
    path,
    more,
    ...(kindsLeftOut === 0
      ? problemText('more-same', { more })
      : problemText('more-kinds', { more, kinds: kindsLeftOut })),
  };
}
