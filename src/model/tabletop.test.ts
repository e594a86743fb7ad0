import { describe, expect, it } from 'vitest';
import { loadBundled } from './bundled.test-helper';
import { presentSteps } from './present';
import {
  agenda,
  clockText,
  pauseSession,
  resetSession,
  resumeSession,
  sessionElapsed,
  stepClockFrom,
  stepKey,
  type Session,
  type StepNote,
} from './tabletop';

const steps = presentSteps(loadBundled().events);
const session: Session = {
  id: 's',
  incidentId: 'i',
  startedAt: 0,
  elapsedMs: 0,
  runningSince: 1_000,
  targetMinutes: 60,
};

describe('session clock', () => {
  it('runs, pauses without counting the pause, resumes and resets', () => {
    expect(sessionElapsed(session, 61_000)).toBe(60_000);
    const paused = pauseSession(session, 61_000);
    expect(sessionElapsed(paused, 500_000)).toBe(60_000);
    const resumed = resumeSession(paused, 500_000);
    expect(sessionElapsed(resumed, 510_000)).toBe(70_000);
    expect(sessionElapsed(resetSession(resumed, 510_000), 515_000)).toBe(5_000);
    expect(sessionElapsed(resetSession(paused, 600_000), 700_000)).toBe(0);
  });

  it('carries a step clock on from its last count only for the step timed last, and not over a pause', () => {
    const note = (countedTo?: number): StepNote => ({ text: '', tags: [], spentMs: 0, countedTo });
    const notes = { a: note(40_000), b: note(50_000), c: note() };
    expect(stepClockFrom(notes, 'b', 1_000, 53_000)).toBe(50_000);
    expect(stepClockFrom(notes, 'a', 1_000, 53_000)).toBe(53_000);
    expect(stepClockFrom(notes, 'c', 1_000, 53_000)).toBe(53_000);
    expect(stepClockFrom(notes, 'new', 1_000, 53_000)).toBe(53_000);
    expect(stepClockFrom(notes, 'b', 52_000, 53_000)).toBe(52_000);
    expect(stepClockFrom(notes, 'b', 1_000, 45_000)).toBe(45_000);
  });

  it.each([
    [0, '0:00:00'],
    [59_999, '0:00:59'],
    [3_725_000, '1:02:05'],
  ])('%i ms reads %s', (ms, text) => expect(clockText(ms)).toBe(text));
});

describe('agenda', () => {
  it('lists every phase once, shares the target by steps and sums the time spent', () => {
    const first = steps[0]!;
    const items = agenda(steps, 60, { [stepKey(first)]: { text: '', tags: [], spentMs: 90_000 } });
    expect(new Set(items.map((i) => i.phase)).size).toBe(items.length);
    expect(items.reduce((n, i) => n + i.steps, 0)).toBe(steps.length);
    expect(Math.abs(items.reduce((n, i) => n + i.budgetMs, 0) - 3_600_000)).toBeLessThan(
      items.length,
    );
    expect(items[0]).toMatchObject({ phase: first.event.phase, first: 0, spentMs: 90_000 });
    expect(stepKey(first)).toBe(`${first.event.id}#inject`);
  });
});
