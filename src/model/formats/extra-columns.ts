// Imported columns (`extra`) as columns of their own in the exports that are tables.
import type { TimelineEvent } from '../incident';

/** The names of the imported columns the events hold, in order of first appearance. */
export function extraColumns(events: readonly TimelineEvent[]): string[] {
  const names = new Set<string>();
  for (const e of events) if (e.extra) for (const key of Object.keys(e.extra)) names.add(key);
  return [...names];
}

/** A header for an imported column that cannot be mistaken for one of the format's own. */
export const extraHeader = (name: string, own: readonly string[]) =>
  own.includes(name) ? `${name} (imported)` : name;

/** An event's value in an imported column, empty when it has none. */
export const extraValue = (e: TimelineEvent, name: string) =>
  e.extra && Object.hasOwn(e.extra, name) ? e.extra[name]! : '';
