import { describe, expect, it } from 'vitest';
import { COPY_WINDOW, copiedRun, normalizeForCopy, windowHashes } from './verbatim';

const source =
  '11 月 15 日,威脅行為者使用 Moveworks 服務權杖透過我們的閘道進行驗證。他們安裝了 Sliver Adversary Emulation Framework,這是一種工具。';
const windows = new Set(windowHashes(source));

describe('verbatim', () => {
  it('normalizes width and whitespace', () => {
    expect(normalizeForCopy('（星期日） 11 月')).toBe('(星期日)11月');
  });

  it('keeps one hash per distinct window, not the text', () => {
    const hashes = windowHashes(source);
    expect(hashes).toHaveLength(normalizeForCopy(source).length - COPY_WINDOW + 1);
    expect(hashes.every((h) => /^[0-9a-f]{14}$/.test(h))).toBe(true);
    expect(hashes.join('')).not.toContain('威脅');
  });

  it.each([
    [
      'a whole copied clause',
      '他們使用 Moveworks 服務權杖透過我們的閘道進行驗證。',
      '使用Moveworks服務權杖透過我們的閘道進行驗證。',
    ],
    [
      'a copy with other spacing',
      '威脅行為者使用Moveworks服務權杖 透過我們的閘道',
      '威脅行為者使用Moveworks服務權杖透過我們的閘道',
    ],
    [
      'a paraphrase',
      '威脅行為者以 Moveworks 的服務權杖通過閘道驗證,進入 Jira 與 Confluence。',
      undefined,
    ],
    ['a copied run one character short', '…使用 Moveworks 服務權杖透過…', undefined],
    ['a copied run of names only', '一套 Sliver Adversary Emulation Framework 工具', undefined],
  ])('%s', (_, text, expected) => {
    expect(copiedRun(text, windows)).toBe(expected);
  });
});
