import { describe, expect, it } from 'vitest';
import { formatBytes, tooLargeProblem } from './file-size';

describe('file sizes', () => {
  it.each([
    [0, '0 bytes'],
    [1023, '1023 bytes'],
    [1024, '1.0 KiB'],
    [1536, '1.5 KiB'],
    [1024 * 1024, '1.0 MiB'],
    [200 * 1024 * 1024, '200.0 MiB'],
  ])('writes %i bytes as %s', (n, text) => {
    expect(formatBytes(n)).toBe(text);
  });

  it('names the file, its size and the limit when a file is too large', () => {
    expect(tooLargeProblem('big.json', 3 * 1024 * 1024, 2 * 1024 * 1024)).toEqual({
      path: 'big.json: (file)',
      message: 'the file is 3.0 MiB; the limit is 2.0 MiB',
      code: 'file-too-large',
      params: { size: 3 * 1024 * 1024, limit: 2 * 1024 * 1024 },
    });
  });
});
