import { describe, expect, it } from 'vitest';
import zhTW from 'zod/v4/locales/zh-TW.js';
import { IncidentSchema, parseIncident, type Problem } from './incident';
import { minimalIncident } from './test-incident';
import { sayIssue } from './zod-issue';

const SECRET = 'secret-value-of-the-file';

/** A valid incident changed by `edit`, as a file holds it (any JSON value where the format wants another). */
function fileWith(edit: (file: Record<string, unknown>) => void): unknown {
  const file = minimalIncident() as unknown as Record<string, unknown>;
  edit(file);
  return file;
}

const event = (file: Record<string, unknown>) =>
  (file.events as Record<string, unknown>[])[0] as Record<string, unknown>;

// One file for each kind of zod's own problem a file can have: its type, a value, a size, an unknown key.
const cases: [what: string, file: unknown][] = [
  ['a number for a list', fileWith((f) => void (event(f).systems = 42))],
  ['a string for a list', fileWith((f) => void (event(f).systems = SECRET))],
  ['null for an object', fileWith((f) => void (f.events = [null]))],
  ['a list for the file', [SECRET]],
  ['a value not in an enum', fileWith((f) => void (event(f).precision = SECRET))],
  ['an id too long', fileWith((f) => void (event(f).id = 'a'.repeat(121)))],
  ['a key the format does not know', fileWith((f) => void (f[SECRET] = 1))],
  ['an empty list of languages', fileWith((f) => void (f.languages = []))],
];

/** zod's own problems (those without a code) of `file`, as a worker sends them: cloned. */
function zodProblems(file: unknown): Problem[] {
  const result = parseIncident(file);
  if (result.ok) throw new Error('expected problems');
  return structuredClone(result.problems.filter((p) => p.code === undefined));
}

/** The messages of `file`'s problems as zod's Chinese locale says them directly. */
function chineseMessages(file: unknown): string[] {
  const result = IncidentSchema.safeParse(file, { error: zhTW().localeError });
  if (result.success) throw new Error('expected problems');
  return result.error.issues.map((i) => i.message);
}

describe("a zod issue kept with a problem, said again in the UI's language", () => {
  it.each(cases)('%s: in Chinese, as zod says it in Chinese directly', (_, file) => {
    const english = zodProblems(file);
    expect(english.length).toBeGreaterThan(0);
    const said = english.map((p) => sayIssue(p.zodIssue!, 'zh-Hant'));
    expect(chineseMessages(file)).toEqual(expect.arrayContaining(said));
  });

  it.each(cases)('%s: keeps no value of the file but the names zod says', (what, file) => {
    for (const { zodIssue } of zodProblems(file)) {
      expect(zodIssue).not.toHaveProperty('input');
      if (!what.startsWith('a key')) expect(JSON.stringify(zodIssue)).not.toContain(SECRET);
    }
  });

  it('says nothing in a language zod has no locale for here, or in English, whose message the problem has', () => {
    const [problem] = zodProblems(cases[0]![1]);
    expect(problem!.message).toBe('Invalid input: expected array, received number');
    expect(sayIssue(problem!.zodIssue!, 'en')).toBeUndefined();
    expect(sayIssue(problem!.zodIssue!, 'fr')).toBeUndefined();
  });
});
