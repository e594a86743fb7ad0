import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findEvent, idsRepeat, isLinkedTo, notLinks, positionOfId } from './event-lookup';
import type { EventFile } from './incident';

const event = (id: string, to: string[] = []) =>
  ({
    id,
    ...(to.length > 0 && { related: to.map((t) => ({ event: t, kind: 'led-to' })) }),
  }) as EventFile;
const ids = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
const links = fc.array(ids, { maxLength: 2 });

/** One change of a list as the editor makes them: each replaces events, never changes one in place. */
const step = fc.oneof(
  fc.record({ op: fc.constant('edit' as const), at: fc.nat(), id: fc.option(ids), to: links }),
  fc.record({ op: fc.constant('append' as const), id: ids, to: links }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), id: ids, to: links }),
  fc.record({ op: fc.constant('cut' as const), n: fc.integer({ min: 1, max: 2 }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('back' as const), n: fc.nat() }),
);

type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

function apply(list: EventFile[], versions: EventFile[][], s: Step): EventFile[] {
  const at = 'at' in s ? s.at % Math.max(1, list.length) : 0;
  const next = list.slice();
  switch (s.op) {
    case 'edit':
      if (list.length > 0) next[at] = event(s.id ?? list[at]!.id, s.to);
      return next;
    case 'append':
      return [...list, event(s.id, s.to)];
    case 'insert':
      next.splice(at, 0, event(s.id, s.to));
      return next;
    case 'cut':
      return list.slice(0, Math.max(0, list.length - s.n));
    case 'delete':
      next.splice(at, 1);
      return next;
    case 'swap':
      if (at + 1 < list.length) [next[at], next[at + 1]] = [list[at + 1]!, list[at]!];
      return next;
    case 'back':
      // An older version asked about again, as a render of the version before does.
      return versions[s.n % versions.length]!;
  }
}

describe('the index of ids', () => {
  it('finds the first event with an id, and whether any links to it, in every version of a list', () => {
    const firsts = fc.array(fc.tuple(ids, links), { maxLength: 6 });
    fc.assert(
      fc.property(firsts, fc.array(step, { maxLength: 30 }), (first, steps) => {
        let list = first.map(([id, to]) => event(id, to));
        const versions = [list];
        for (const s of steps) {
          list = apply(list, versions, s);
          versions.push(list);
          for (const id of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) {
            expect(positionOfId(list, id)).toBe(list.findIndex((e) => e.id === id));
            expect(idsRepeat(list)).toBe(new Set(list.map((e) => e.id)).size < list.length);
            expect(isLinkedTo(list, id)).toBe(
              list.some((e) => e.related?.some((r) => r.event === id)),
            );
          }
        }
      }),
    );
  });

  it('reads a draft whose links are not a list of links, as one made from a file with problems may be', () => {
    const odd = [
      { id: 'a', related: 'b' },
      { id: 'b', related: [null, { event: 'a', kind: 'led-to' }] },
    ] as unknown as EventFile[];
    expect(positionOfId(odd, 'b')).toBe(1);
    expect(isLinkedTo(odd, 'a')).toBe(true);
    expect(isLinkedTo(odd, 'b')).toBe(false);
    expect(odd.map(notLinks)).toEqual([1, 1]);
    expect(notLinks(event('c'))).toBe(0);
    expect(notLinks({ ...event('d'), related: [{ event: 'a', kind: 'led-to' }] })).toBe(0);
  });

  it('gives the event itself, and nothing for an id no event has', () => {
    const list = [event('a'), event('b'), event('a')];
    expect(findEvent(list, 'a')).toBe(list[0]);
    expect(findEvent(list, 'b')).toBe(list[1]);
    expect(findEvent(list, 'z')).toBeUndefined();
    expect(findEvent([], 'a')).toBeUndefined();
  });
});
