import { describe, expect, it } from 'vitest';
import { formatTime, readTime } from './draft-time';

describe('times in the editor', () => {
  it.each([
    ['2023-11-22T14:18:22Z', 'second', '2023-11-22 14:18:22'],
    ['2023-11-22T14:18:00Z', 'minute', '2023-11-22 14:18'],
    ['2023-11-22T00:00:00Z', 'day', '2023-11-22'],
    ['2023-11-01T00:00:00Z', 'month', '2023-11'],
  ] as const)('%s at %s reads %s, and back', (iso, precision, shown) => {
    expect(formatTime(iso, precision)).toBe(shown);
    expect(readTime(shown, precision)).toEqual({ ok: true, iso });
  });

  it.each([
    ['2023-11-22 14:18:22', 'minute', 'too-precise'],
    ['2023-11-22 14:18', 'day', 'too-precise'],
    ['2023-11-22 14:30', 'hour', 'too-precise'],
    ['22/11/2023', 'day', 'format'],
    ['2023-02-31', 'day', 'format'],
    ['', 'minute', 'format'],
  ] as const)('%s at %s is refused: %s', (text, precision, why) => {
    expect(readTime(text, precision)).toEqual({ ok: false, why });
  });

  it('accepts ISO with T and Z', () => {
    expect(readTime('2023-11-22T14:18Z', 'minute')).toEqual({
      ok: true,
      iso: '2023-11-22T14:18:00Z',
    });
  });
});
