import { describe, expect, it } from 'vitest';
import { newIncident } from './draft';
import { problemsOf } from './draft-check';

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
