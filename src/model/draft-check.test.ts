import { describe, expect, it } from 'vitest';
import { newIncident } from './draft';
import { draftProblems, problemsOf } from './draft-check';

const words = {
  lang: 'en',
  title: 'T',
  summary: 'S',
  source: 'Notes',
  phase: 'P',
  system: 'S',
  actor: 'A',
  action: 'O',
};

describe('problemsOf', () => {
  it('gives the same answer for the same file, and a fresh one for an edited copy', () => {
    const file = newIncident('t', words);
    expect(problemsOf(file)).toEqual([]);
    expect(problemsOf(file)).toBe(problemsOf(file));
    const broken = { ...file, title: '' };
    expect(problemsOf(broken).map((p) => p.path)).toContain('title');
  });
});

describe('draftProblems', () => {
  // A term's empty name has zod's own message ("Too small: …"), which follows the UI language; the path does not.
  it("gives zod's own messages in the UI language, at the same paths", () => {
    const file = newIncident('t', words);
    const broken = { ...file, techniques: [{ id: 'T1078', name: '' }] };
    const en = draftProblems(broken, 'en');
    const zh = draftProblems(broken, 'zh-Hant');
    expect(zh.map((p) => p.path)).toEqual(['techniques[0].name']);
    expect(en.map((p) => p.path)).toEqual(['techniques[0].name']);
    expect(en[0]!.message).toMatch(/^Too small/);
    expect(zh[0]!.message).toMatch(/[\u4e00-\u9fff]/);
    expect(problemsOf(broken, 'zh-Hant')).toEqual(zh);
    expect(problemsOf(broken, 'en')).toEqual(en);
  });
});
