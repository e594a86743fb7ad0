import { enUS } from 'date-fns/locale/en-US';
import { zhTW } from 'date-fns/locale/zh-TW';
import { afterEach, describe, expect, it } from 'vitest';
import { AXIS_SCALES, axisLabel, type AxisLevel } from './axis-labels';

const en = { lang: 'en' as const, locale: enUS };
const zh = { lang: 'zh-Hant' as const, locale: zhTW };
// 02:30 UTC on Friday 24 November is still Thursday the 23rd in Los Angeles and already 10:30 in Taipei.
const at = Date.parse('2023-11-24T02:30:00Z');

describe('axis labels', () => {
  it.each([
    ['minute', 'minor', '02:30', '02:30'],
    ['hour', 'major', 'Fri 24 November', '11月24日 星期五'],
    ['weekday', 'minor', 'Fri 24', '24日 週五'],
    ['day', 'minor', '24', '24日'],
    ['day', 'major', 'November 2023', '2023年11月'],
    ['month', 'minor', 'Nov', '11月'],
    ['month', 'major', '2023', '2023年'],
    ['year', 'minor', '2023', '2023年'],
  ] as const)('%s %s: %s in English, %s in Chinese', (scale, level, english, chinese) => {
    expect(axisLabel(at, scale, level, en)).toBe(english);
    expect(axisLabel(at, scale, level, zh)).toBe(chinese);
  });

  it('names no month or weekday in English when the language is Chinese', () => {
    for (let m = 0; m < 4; m++) {
      const ms = Date.UTC(2023, 9 + m, 1);
      for (const scale of AXIS_SCALES)
        for (const level of ['minor', 'major'] as AxisLevel[])
          expect(axisLabel(ms, scale, level, zh)).not.toMatch(/[A-Za-z]/);
    }
  });

  it('leaves out a week step on the 1st of a month that is not a Sunday, as vis-timeline does', () => {
    expect(axisLabel(Date.parse('2023-11-01T00:00:00Z'), 'week', 'minor', en)).toBe('');
    expect(axisLabel(Date.parse('2023-10-01T00:00:00Z'), 'week', 'minor', en)).toBe('1');
  });

  it('names a week step by its first day, not by a week number a reader would have to look up', () => {
    expect(axisLabel(Date.parse('2023-11-19T00:00:00Z'), 'week', 'minor', en)).toBe('19');
    expect(axisLabel(Date.parse('2023-11-19T00:00:00Z'), 'week', 'minor', zh)).toBe('19日');
  });

  it('writes an unknown scale as nothing', () => {
    expect(axisLabel(at, 'fortnight', 'minor', en)).toBe('');
  });

  describe('in any time zone', () => {
    const zone = process.env.TZ;
    afterEach(() => {
      process.env.TZ = zone;
    });
    it('is UTC', () => {
      const labels = () =>
        AXIS_SCALES.flatMap((scale) => [
          axisLabel(at, scale, 'minor', zh),
          axisLabel(at, scale, 'major', en),
        ]);
      process.env.TZ = 'America/Los_Angeles';
      const west = labels();
      process.env.TZ = 'Asia/Taipei';
      expect(labels()).toEqual(west);
      expect(west).toContain('24日');
    });
  });
});
