import { describe, expect, it } from 'vitest';
import { slugify } from './import-ids';

describe('slugify', () => {
  it.each([
    ['Atlassian Jira', 'atlassian-jira'],
    ['  C:\\Temp\\q1.7z ', 'c-temp-q1-7z'],
    ['Café Überwachung', 'cafe-uberwachung'],
    ['檔案伺服器', ''],
    ['a'.repeat(80), 'a'.repeat(60)],
  ])('%j -> %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });
});
