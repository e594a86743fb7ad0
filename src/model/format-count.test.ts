import { describe, expect, it } from 'vitest';
import { formatCount } from './format-count';

describe('formatCount', () => {
  it('groups digits by threes, as toLocaleString does in both interface languages', () => {
    const counts = [0, 1, 12, 999, 1000, 1001, 12345, 99999, 100000, 1234567, 1000000000, -1234];
    for (let n = 0; n < 2_000_000; n += 7919) counts.push(n);
    for (const n of counts) {
      expect(formatCount(n)).toBe(n.toLocaleString('en'));
      expect(formatCount(n)).toBe(n.toLocaleString('zh-Hant'));
    }
  });

  it('writes a hundred thousand events as a reader expects', () => {
    expect(formatCount(100000)).toBe('100,000');
  });
});
