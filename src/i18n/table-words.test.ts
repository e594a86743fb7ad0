import { describe, expect, it } from 'vitest';
import { CHINESE_TABLE, ENGLISH_TABLE } from '../model/formats/table-words.test-helper';
import { en } from './en';
import { zhHant } from './zh-hant';

// The exporters' tests write the Markdown table's words out (the model imports no catalog): they are the catalogs'.
describe('the Markdown table words the exporters are tested with', () => {
  it.each([
    ['en', en, ENGLISH_TABLE],
    ['zh-Hant', zhHant, CHINESE_TABLE],
  ] as const)('are the %s catalog’s', (_, t, words) => {
    expect(t.columns).toEqual(words.columns);
    expect(t.outcomes).toEqual(words.outcomes);
    expect(t.timelineHeading('Title')).toBe(words.heading('Title'));
  });
});
