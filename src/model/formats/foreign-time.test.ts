import { describe, expect, it } from 'vitest';
import { readIsoTime } from './foreign-time';

describe('readIsoTime', () => {
  it.each([
    ['2023-11-22T14:18:22Z', '2023-11-22T14:18:22.000Z', 'second', false],
    ['2023-11-22T14:18:22+00:00', '2023-11-22T14:18:22.000Z', 'second', false],
    ['2023-11-22T15:18:22+01:00', '2023-11-22T14:18:22.000Z', 'second', false],
    ['2023-11-22T09:48:22-0430', '2023-11-22T14:18:22.000Z', 'second', false],
    ['2023-11-22 14:18:22+00', '2023-11-22T14:18:22.000Z', 'second', false],
    ['2023-11-22T14:18:22.123456+00:00', '2023-11-22T14:18:22.000Z', 'second', true],
    ['2023-11-22T14:18:22.000Z', '2023-11-22T14:18:22.000Z', 'second', false],
    ['2023-11-22T14:18+00:00', '2023-11-22T14:18:00.000Z', 'minute', false],
    ['2023-11-23T00:30+05:30', '2023-11-22T19:00:00.000Z', 'minute', false],
    ['2023-11-22', '2023-11-22T00:00:00.000Z', 'day', false],
  ])('%s is %s at %s precision (truncated: %s)', (text, iso, precision, truncated) => {
    expect(readIsoTime(text)).toEqual({ ms: Date.parse(iso), precision, truncated });
  });

  it.each([
    '2023-11-22T14:18:22',
    '2023-11-22 14:18',
    '2023-02-30T00:00Z',
    '2023-11-22T24:00Z',
    '2023-11-22T14:18+25:00',
    '22/11/2023',
    '1700662702',
    '',
  ])('refuses %j', (text) => {
    expect(readIsoTime(text)).toBeUndefined();
  });
});
