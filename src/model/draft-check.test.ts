import { describe, expect, it } from 'vitest';
import { newIncident } from './draft';
import { draftProblems, problemsOf, showableIncident } from './draft-check';
import { bundledText } from './bundled.test-helper';
import { parseIncident, type IncidentFile } from './incident';
import { sayIssue } from './zod-issue';

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
  // A term's empty name has zod's own message ("Too small: …"); the UI says it in its language from zod's issue.
  it("keeps zod's own messages in English, with zod's issue for the UI language to say", () => {
    const file = newIncident('t', words);
    const broken = { ...file, techniques: [{ id: 'T1078', name: '' }] };
    const [problem, ...others] = draftProblems(broken);
    expect(others).toEqual([]);
    expect(problem!.path).toBe('techniques[0].name');
    expect(problem!.message).toMatch(/^Too small/);
    expect(sayIssue(problem!.zodIssue!, 'zh-Hant')).toMatch(/^數值過小/);
    expect(problemsOf(broken)).toEqual([problem]);
  });
});

describe('showableIncident', () => {
  it("shows a valid draft as zod reads it, and leaves the draft's events as written", () => {
    const file = JSON.parse(bundledText) as IncidentFile;
    const zod = parseIncident(JSON.parse(bundledText));
    if (!zod.ok) throw new Error('the bundled incident should be valid');
    expect(showableIncident(file)).toEqual(zod.incident);
    expect(JSON.stringify(file)).toBe(JSON.stringify(JSON.parse(bundledText)));
  });
});
