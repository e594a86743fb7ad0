import { describe, expect, it } from 'vitest';
import { nearestBoundary, snapDrag } from './drag-snap';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('nearestBoundary', () => {
  it.each([
    ['2024-03-05T09:29:59.000Z', 'hour', '2024-03-05T09:00:00.000Z'],
    ['2024-03-05T09:30:01.000Z', 'hour', '2024-03-05T10:00:00.000Z'],
    ['2024-03-05T11:59:00.000Z', 'day', '2024-03-05T00:00:00.000Z'],
    ['2024-03-05T12:01:00.000Z', 'day', '2024-03-06T00:00:00.000Z'],
    ['2024-03-05T09:00:31.000Z', 'minute', '2024-03-05T09:01:00.000Z'],
    ['2024-03-05T09:00:00.400Z', 'second', '2024-03-05T09:00:00.000Z'],
    ['2024-02-20T00:00:00.000Z', 'month', '2024-03-01T00:00:00.000Z'],
    ['2024-02-10T00:00:00.000Z', 'month', '2024-02-01T00:00:00.000Z'],
  ] as const)('%s at %s precision -> %s', (time, precision, expected) =>
    expect(iso(nearestBoundary(at(time), precision))).toBe(expected),
  );
});

describe('snapDrag', () => {
  it('lands a dragged day on a whole day, keeping its length', () => {
    const r = snapDrag(at('2024-03-07T10:00:00Z'), at('2024-03-08T10:00:00Z'), 'day');
    expect([iso(r.start), iso(r.end)]).toEqual([
      '2024-03-07T00:00:00.000Z',
      '2024-03-08T00:00:00.000Z',
    ]);
  });

  it('snaps a range’s dragged end and leaves its start', () => {
    const r = snapDrag(at('2024-03-05T12:00:00Z'), at('2024-03-06T18:40:29Z'), 'minute');
    expect([iso(r.start), iso(r.end)]).toEqual([
      '2024-03-05T12:00:00.000Z',
      '2024-03-06T18:40:00.000Z',
    ]);
  });

  it('keeps an end dragged onto the start one window after it', () => {
    const r = snapDrag(at('2024-03-05T00:00:00Z'), at('2024-03-05T02:00:00Z'), 'day');
    expect(iso(r.end)).toBe('2024-03-06T00:00:00.000Z');
  });

  it('leaves a point without an end', () => {
    expect(snapDrag(at('2024-03-05T09:00:10Z'), undefined, 'minute')).toEqual({
      start: at('2024-03-05T09:00:00Z'),
    });
  });
});
