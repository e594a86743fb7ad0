import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutFlags, screenX, type FlagLayoutInput, type PlacedFlag } from './milestone-layout';
import { HOUR } from './time';

const base: Omit<FlagLayoutInput, 'flags'> = {
  window: { from: 0, to: 100 * HOUR },
  width: 1000,
  hidden: [],
  rows: 3,
  gap: 4,
  measure: (text) => text.length * 7 + 8,
  merged: (first, more) => `${first} +${more}`,
};

const overlaps = (a: PlacedFlag, b: PlacedFlag, gap: number) =>
  a.row === b.row && a.x < b.x + b.width + gap && b.x < a.x + a.width + gap;

const visible = (flags: PlacedFlag[], width: number) =>
  flags.filter((f) => f.x + f.width >= 0 && f.x <= width);

describe('screenX', () => {
  it('maps the window onto the width, and a folded period takes no width', () => {
    expect(screenX(50 * HOUR, base.window, 1000)).toBe(500);
    const hidden = [{ from: 10 * HOUR, to: 60 * HOUR }];
    expect(screenX(60 * HOUR, base.window, 1000, hidden)).toBe(200);
    expect(screenX(35 * HOUR, base.window, 1000, hidden)).toBe(200);
  });
});

describe('layoutFlags', () => {
  it('keeps far-apart flags in the first row, with their own labels', () => {
    const flags = layoutFlags({
      ...base,
      flags: [
        { id: 'a', time: 10 * HOUR, label: 'Detection' },
        { id: 'b', time: 60 * HOUR, label: 'Containment' },
      ],
    });
    expect(flags.map((f) => [f.id, f.row, f.text])).toEqual([
      ['a', 0, 'Detection'],
      ['b', 0, 'Containment'],
    ]);
  });

  it('stacks close flags, then merges the one with no free row into its left neighbour', () => {
    const flags = layoutFlags({
      ...base,
      flags: ['Detection', 'Containment', 'Last adversary activity', 'Eradication'].map(
        (label, i) => ({ id: String(i), time: (50 + i) * HOUR, label }),
      ),
    });
    expect(flags.map((f) => [f.row, f.text])).toEqual([
      [0, 'Detection'],
      [1, 'Containment'],
      [2, 'Last adversary activity +1'],
    ]);
    expect(flags[2]!.full).toEqual(['Last adversary activity', 'Eradication']);
  });

  it('hangs a label left of its line where it would run off the right edge', () => {
    const [flag] = layoutFlags({
      ...base,
      flags: [{ id: 'r', time: 98 * HOUR, label: 'Recovery start' }],
    });
    expect(flag).toMatchObject({ before: true, x: 980 - base.measure('Recovery start') });
  });

  it('never lets two shown labels overlap, and shows every flag once, whatever the times and widths', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ t: fc.integer({ min: -20, max: 120 }), label: fc.string() }), {
          maxLength: 12,
        }),
        fc.integer({ min: 200, max: 1500 }),
        fc.integer({ min: 1, max: 4 }),
        (raw, width, rows) => {
          const input = raw.map((r, i) => ({ id: `m${i}`, time: r.t * HOUR, label: r.label }));
          const flags = layoutFlags({ ...base, width, rows, flags: input });
          expect(flags.flatMap((f) => f.members).sort()).toEqual(input.map((f) => f.id).sort());
          const shown = visible(flags, width);
          for (const a of shown)
            for (const b of shown) if (a !== b) expect(overlaps(a, b, base.gap)).toBe(false);
        },
      ),
    );
  });
});
