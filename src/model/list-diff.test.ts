import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedStretch, onlyReplaced } from './list-diff';

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ i }));

describe('changedStretch', () => {
  it('finds one replaced item, an insertion and a deletion', () => {
    const a = items(5);
    expect(changedStretch(a, a)).toEqual({ at: 5, endA: 5, endB: 5 });
    expect(changedStretch(a, a.with(2, { i: 2 }))).toEqual({ at: 2, endA: 3, endB: 3 });
    expect(changedStretch(a, [...a.slice(0, 1), { i: 9 }, ...a.slice(1)])).toEqual({
      at: 1,
      endA: 1,
      endB: 2,
    });
    expect(changedStretch(a, [...a.slice(0, 3), ...a.slice(4)])).toEqual({
      at: 3,
      endA: 4,
      endB: 3,
    });
  });

  it('compares by identity, so an equal copy is a change', () => {
    const a = items(3);
    expect(
      changedStretch(
        a,
        a.map((x) => ({ ...x })),
      ),
    ).toEqual({ at: 0, endA: 3, endB: 3 });
  });

  it('gives a stretch whose replacement turns the first list into the second', () => {
    const pool = items(6);
    const list = fc.array(fc.constantFrom(...pool), { maxLength: 12 });
    fc.assert(
      fc.property(list, list, (a, b) => {
        const { at, endA, endB } = changedStretch(a, b);
        expect([...a.slice(0, at), ...b.slice(at, endB), ...a.slice(endA)]).toEqual(b);
        expect(a.slice(endA)).toEqual(b.slice(endB));
        expect(at).toBeLessThanOrEqual(Math.min(endA, endB));
      }),
    );
  });
});

describe('onlyReplaced', () => {
  it('holds when every replaced item is one `same` accepts, and the lengths are equal', () => {
    const a = [
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
      { id: 'c', n: 3 },
    ];
    const sameId = (x: { id: string }, y: { id: string }) => x.id === y.id;
    expect(onlyReplaced(a, a.with(1, { id: 'b', n: 9 }), sameId)).toBe(true);
    expect(onlyReplaced(a, a.with(1, { id: 'x', n: 2 }), sameId)).toBe(false);
    expect(onlyReplaced(a, [...a, { id: 'd', n: 4 }], sameId)).toBe(false);
    expect(onlyReplaced(a, a.with(0, { id: 'a', n: 0 }).with(2, { id: 'z', n: 3 }), sameId)).toBe(
      false,
    );
  });
});
