import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedStretch, listChange, onlyReplaced } from './list-diff';

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

describe('listChange', () => {
  it('finds an edit near the start and an item added at the end, not every item between them', () => {
    const a = items(1000);
    const b = [...a.with(2, { i: -2 }), { i: 1000 }];
    const change = listChange(a, b, 10)!;
    expect(change.added).toEqual([2, 1000]);
    expect(change.removed).toEqual([2]);
    expect(change.inPlace).toBe(false);
    expect(change.keptAt(999)).toBe(999);
  });

  it('says where each kept item went, whether all stayed in place, and gives up past the most it may change', () => {
    const a = items(8);
    expect(listChange(a, a.with(3, { i: 30 }), 1)).toMatchObject({
      added: [3],
      removed: [3],
      inPlace: true,
    });
    const swapped = a.with(1, a[6]!).with(6, a[1]!);
    const swap = listChange(a, swapped, 0)!;
    expect([swap.added, swap.removed, swap.inPlace]).toEqual([[], [], false]);
    expect([swap.keptAt(1), swap.keptAt(6), swap.keptAt(7)]).toEqual([6, 1, 7]);
    expect(listChange(a, a.toSpliced(2, 3), 2)).toBeUndefined();
    // An item twice among the changed ones would be one kept item in two places.
    const [p, o, q, r, x] = items(5);
    expect(listChange([p, o, q], [r, o, o, x], 8)).toBeUndefined();
    expect(listChange([p, o, o, q], [r, o, x], 8)).toBeUndefined();
    expect(listChange(a, a.toSpliced(2, 3), 3)?.removed).toEqual([2, 3, 4]);
  });

  it('accounts for every item: kept ones land where the new list has them, the rest are added or removed', () => {
    const pool = items(8);
    const list = fc.uniqueArray(fc.constantFrom(...pool), { maxLength: 8 });
    fc.assert(
      fc.property(list, list, (a, b) => {
        const { added, removed, keptAt } = listChange(a, b, 8)!;
        a.forEach((item, i) => {
          if (removed.includes(i)) expect(b).not.toContain(item);
          else expect(b[keptAt(i)]).toBe(item);
        });
        b.forEach((item, i) => expect(added.includes(i)).toBe(!a.includes(item)));
      }),
    );
  });
});
