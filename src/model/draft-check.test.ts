import { describe, expect, it, vi } from 'vitest';
import { newIncident } from './draft';
import { draftProblems, problemsOf, showableIncident } from './draft-check';
import { bundledText } from './bundled.test-helper';
import { parseIncident, type IncidentFile } from './incident';
import type * as IncidentFast from './incident-fast';
import { fastCheck } from './incident-fast';

// The real fast check, counted.
vi.mock('./incident-fast', async (importOriginal) => {
  const real = await importOriginal<typeof IncidentFast>();
  return { ...real, fastCheck: vi.fn(real.fastCheck) };
});
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

  it('checks a valid draft by the fast check, and a draft being fixed by zod alone until it is valid', () => {
    const fast = vi.mocked(fastCheck);
    const file = newIncident('fixing', words);
    // After a valid version, as a draft opens.
    problemsOf(newIncident('opened', words));
    fast.mockClear();
    expect(problemsOf(file)).toEqual([]);
    expect(fast).toHaveBeenCalledTimes(1);
    expect(problemsOf({ ...file, title: '' })).not.toEqual([]);
    expect(fast).toHaveBeenCalledTimes(2);
    expect(problemsOf({ ...file, title: '', summary: 'S2' })).not.toEqual([]);
    expect(problemsOf({ ...file, summary: 'S3' })).toEqual([]);
    expect(fast).toHaveBeenCalledTimes(2);
    expect(problemsOf({ ...file, summary: 'S4' })).toEqual([]);
    expect(fast).toHaveBeenCalledTimes(3);
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

  it('keeps the last version’s list of events through a change to the incident’s own fields, and only then', () => {
    const file = JSON.parse(bundledText) as IncidentFile;
    const first = showableIncident(file)!;
    const retitled = showableIncident({ ...file, title: { en: 'Retitled' } })!;
    expect(retitled.title).toEqual({ en: 'Retitled' });
    expect(retitled.events).toBe(first.events);
    const [head, ...rest] = file.events;
    const edited = showableIncident({
      ...file,
      events: [{ ...head!, title: { en: 'Edited' } }, ...rest],
    })!;
    expect(edited.events).not.toBe(first.events);
    expect(edited.events.find((e) => e.id === head!.id)!.title).toEqual({ en: 'Edited' });
  });
});
