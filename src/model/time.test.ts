import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAY,
  formatSpan,
  formatSpanShort,
  HOUR,
  inReadingOrder,
  intervalOf,
  isAlignedToPrecision,
  MINUTE,
  parseUtc,
  precisionEnd,
  PRECISIONS,
  type Precision,
  readingOrder,
  readingOrderOf,
  SECOND,
  toIsoUtc,
  utcStamp,
} from './time';
import { sortEvents } from './reading-order.test-helper';

const ms = (iso: string) => Date.parse(iso);

describe('precision windows', () => {
  it.each([
    ['2023-11-22T14:18:22Z', 'second', '2023-11-22T14:18:23Z'],
    ['2023-11-23T16:00:00Z', 'minute', '2023-11-23T16:01:00Z'],
    ['2023-11-16T00:00:00Z', 'day', '2023-11-17T00:00:00Z'],
    ['2023-12-31T00:00:00Z', 'day', '2024-01-01T00:00:00Z'],
    ['2024-02-01T00:00:00Z', 'month', '2024-03-01T00:00:00Z'],
  ] as const)('%s at %s precision ends at %s', (start, precision, end) => {
    expect(toIsoUtc(precisionEnd(ms(start), precision))).toBe(end);
  });

  it('a day-precision range covers its last day', () => {
    const { startMs, endMs } = intervalOf({
      start: '2023-11-27T00:00:00Z',
      end: '2024-01-05T00:00:00Z',
      precision: 'day',
    });
    expect((endMs - startMs) / DAY).toBe(40);
  });

  it.each([
    ['2023-11-23T16:00:00Z', 'minute', true],
    ['2023-11-23T16:00:05Z', 'minute', false],
    ['2023-11-16T00:00:00Z', 'day', true],
    ['2023-11-16T14:00:00Z', 'day', false],
    ['2023-10-01T00:00:00Z', 'month', true],
    ['2023-10-18T00:00:00Z', 'month', false],
    ['2023-11-22T14:18:22.500Z', 'second', false],
    ['1969-12-31T23:00:00Z', 'hour', true],
    ['1969-12-31T23:30:00Z', 'hour', false],
    ['0001-01-01T00:00:00Z', 'month', true],
    ['1900-03-01T00:00:00Z', 'month', true],
    ['2023-10-01T05:00:00Z', 'month', false],
  ] as const)('%s fits %s precision: %s', (iso, precision, ok) => {
    expect(isAlignedToPrecision(iso, precision)).toBe(ok);
  });

  it('agrees with reading the fields back, from year 1 to 9999', () => {
    const fieldsZero = (iso: string, precision: Precision) => {
      const d = new Date(iso);
      const fields = [
        d.getUTCMilliseconds(),
        d.getUTCSeconds(),
        d.getUTCMinutes(),
        d.getUTCHours(),
      ];
      const zeros = { second: 1, minute: 2, hour: 3, day: 4, month: 4 }[precision];
      return (
        fields.slice(0, zeros).every((f) => f === 0) &&
        (precision !== 'month' || d.getUTCDate() === 1)
      );
    };
    // Times on and off each boundary: whole units, plus a millisecond, second, minute or hour.
    const units = [0, 1, 1000, 60_000, 3_600_000];
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0001-01-01T00:00:00Z'),
          max: new Date('9999-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...units),
        fc.constantFrom(...PRECISIONS),
        (date, offset, precision) => {
          const midnight = Math.floor(date.getTime() / DAY) * DAY;
          const iso = new Date(midnight + offset).toISOString();
          expect(isAlignedToPrecision(iso, precision)).toBe(fieldsZero(iso, precision));
        },
      ),
    );
  });
});

describe('reading order', () => {
  // A time written to its precision: the start of its second, minute, hour, day or month.
  const truncate = (ms: number, precision: Precision) => {
    const d = new Date(ms);
    if (precision === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    const unit = { second: SECOND, minute: MINUTE, hour: HOUR, day: DAY }[precision];
    return Math.floor(ms / unit) * unit;
  };
  // Few distinct times, so that many events share a start, an end or a day.
  const events = fc.uniqueArray(
    fc.record({
      id: fc.stringMatching(/^[a-c]{1,3}$/),
      day: fc.integer({ min: 0, max: 40 }),
      at: fc.constantFrom(
        0,
        9 * HOUR,
        9 * HOUR + 22 * MINUTE,
        9 * HOUR + 22 * MINUTE + 49 * SECOND,
      ),
      precision: fc.constantFrom(...PRECISIONS),
      span: fc.option(fc.constantFrom(0, HOUR, DAY, 40 * DAY), { nil: undefined }),
    }),
    { selector: (e) => e.id, maxLength: 12 },
  );
  type Spec = { id: string; day: number; at: number; precision: Precision; span?: number };
  const written = (specs: Spec[]) => specs.map(fileEvent);
  function fileEvent(spec: Spec) {
    const startMs = truncate(Date.UTC(2023, 9, 20) + spec.day * DAY + spec.at, spec.precision);
    const end =
      spec.span === undefined ? undefined : toIsoUtc(truncate(startMs + spec.span, spec.precision));
    return {
      id: spec.id,
      start: toIsoUtc(startMs),
      precision: spec.precision,
      ...(end && { end }),
    };
  }

  it("puts a file's events in the order of the pairwise rule, with their intervals, without changing them", () => {
    fc.assert(
      fc.property(events, (specs) => {
        const list = written(specs);
        const before = structuredClone(list);
        const { order, startMs, endMs } = readingOrderOf(list);
        expect(list).toEqual(before);
        const timed = list.map((e) => ({ ...e, ...intervalOf(e) }));
        expect(Array.from(startMs)).toEqual(timed.map((e) => e.startMs));
        expect(Array.from(endMs)).toEqual(timed.map((e) => e.endMs));
        const expected = [...timed].sort(readingOrder);
        expect(Array.from(order, (i) => list[i]!.id)).toEqual(expected.map((e) => e.id));
        expect(sortEvents(timed)).toEqual(expected);
        expect(inReadingOrder(list, { order, startMs, endMs })).toEqual(expected);
      }),
    );
  });

  it('places a date-only event after the timed events of its day', () => {
    const list = [
      { id: 'b', start: '2023-11-14T00:00:00Z', precision: 'day' as const },
      { id: 'a', start: '2023-11-14T09:22:49Z', precision: 'second' as const },
      { id: 'c', start: '2023-11-13T23:59:59Z', precision: 'second' as const },
    ];
    const { order } = readingOrderOf(list);
    expect(Array.from(order, (i) => list[i]!.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('UTC labels', () => {
  it.each([
    ['2023-11-22T14:18:22Z', 'second', '2023-11-22 14:18:22'],
    ['2023-11-23T16:00:00Z', 'minute', '2023-11-23 16:00'],
    ['2023-11-16T00:00:00Z', 'day', '2023-11-16'],
    ['2023-10-01T00:00:00Z', 'month', '2023-10'],
  ] as const)('%s at %s precision reads %s', (iso, precision, label) => {
    expect(utcStamp(ms(iso), precision)).toBe(label);
  });
});

describe('durations', () => {
  it('first probe to the alert is 9 days 6 hours 37 minutes 11 seconds', () => {
    expect(formatSpan(ms('2023-11-23T16:00:00Z') - ms('2023-11-14T09:22:49Z'))).toBe(
      '9 days 6 hours 37 minutes 11 seconds',
    );
  });
  it('day precision rounds down to whole days', () => {
    expect(formatSpan(ms('2023-11-14T09:22:49Z') - ms('2023-10-18T00:00:00Z'), 'day')).toBe(
      '27 days',
    );
  });
  it('names zero instead of an empty string', () => {
    expect(formatSpan(0)).toBe('0 seconds');
  });
  it('keeps the two largest units for the gap between steps', () => {
    expect(formatSpanShort(2 * DAY + 18 * 3600_000 + 5 * 60_000)).toBe('2 days 18 hours');
  });
});

describe('parseUtc', () => {
  it.each([
    ['2023-11-23T16:00Z', ms('2023-11-23T16:00:00Z')],
    ['2023-11-23', ms('2023-11-23T00:00:00Z')],
    ['2023-11-23T16:00:00', undefined],
    ['yesterday', undefined],
    ['2023-13-45', undefined],
    ['2024-02-29', ms('2024-02-29T00:00:00Z')],
    ['2023-02-29', undefined],
    ['2023-02-31', undefined],
    ['2023-04-31T10:00Z', undefined],
    ['2023-11-23T24:00Z', undefined],
    ['2023-11-23T23:59:59.999Z', ms('2023-11-23T23:59:59.999Z')],
  ])('%s -> %s', (iso, expected) => {
    expect(parseUtc(iso)).toBe(expected);
  });
});
