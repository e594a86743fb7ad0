import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitLabels, type LabelBox } from './label-fit';

const at = (left: number, width: number, top = 0): LabelBox => ({
  left,
  width,
  top,
  bottom: top + 14,
});

describe('fitLabels', () => {
  it.each([
    ['apart', [at(0, 50), at(60, 50)], [{ kind: 'whole' }, { kind: 'whole' }]],
    [
      'overlapping: the left one cut',
      [at(0, 80), at(60, 50)],
      [{ kind: 'cut', width: 56 }, { kind: 'whole' }],
    ],
    [
      'at the same place: the later kept',
      [at(0, 80), at(0, 50)],
      [{ kind: 'hidden' }, { kind: 'whole' }],
    ],
    ['too little room: hidden', [at(0, 80), at(20, 50)], [{ kind: 'hidden' }, { kind: 'whole' }]],
    [
      'on rows that do not meet',
      [at(0, 80), at(20, 50, 20)],
      [{ kind: 'whole' }, { kind: 'whole' }],
    ],
    [
      'given right to left',
      [at(60, 50), at(0, 80)],
      [{ kind: 'whole' }, { kind: 'cut', width: 56 }],
    ],
    [
      'a hidden label leaves room for the one before it',
      [at(0, 40), at(50, 60), at(55, 30)],
      [{ kind: 'whole' }, { kind: 'hidden' }, { kind: 'whole' }],
    ],
    [
      'drawn narrower than its text (a narrow band): cut where drawn, however narrow',
      [{ ...at(0, 20), clipped: true }, at(60, 50)],
      [{ kind: 'cut', width: 20 }, { kind: 'whole' }],
    ],
    [
      'drawn clipped to nothing (a band a pixel wide): hidden',
      [{ ...at(0, 0), clipped: true }, at(60, 50)],
      [{ kind: 'hidden' }, { kind: 'whole' }],
    ],
    [
      'drawn narrower than its text, and with less room than that: cut to the room',
      [{ ...at(0, 80), clipped: true }, at(60, 50)],
      [{ kind: 'cut', width: 56 }, { kind: 'whole' }],
    ],
  ])('%s', (_, boxes, fits) => {
    expect(fitLabels(boxes, 4, 24)).toEqual(fits);
  });

  it('leaves no two labels drawn on one row overlapping', () => {
    const box = fc.record({
      left: fc.integer({ min: 0, max: 500 }),
      width: fc.integer({ min: 1, max: 200 }),
      top: fc.constantFrom(0, 10, 30),
    });
    fc.assert(
      fc.property(fc.array(box, { maxLength: 12 }), (raw) => {
        const boxes = raw.map((b) => ({ ...b, bottom: b.top + 14 }));
        const drawn = fitLabels(boxes, 4, 24).flatMap((fit, i) =>
          fit.kind === 'hidden'
            ? []
            : [{ ...boxes[i]!, width: fit.kind === 'cut' ? fit.width : boxes[i]!.width }],
        );
        for (const a of drawn)
          for (const b of drawn)
            if (a !== b && a.top < b.bottom && b.top < a.bottom)
              expect(a.left + a.width + 4 <= b.left || b.left + b.width + 4 <= a.left).toBe(true);
      }),
    );
  });
});
