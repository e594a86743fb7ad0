import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBundled } from './bundled.test-helper';
import { presentSteps } from './present';
import {
  agenda,
  clockText,
  countStepTime,
  EMPTY_NOTE,
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

  it('counts a step from its last count to now, saying up to when; a clock set back counts nothing', () => {
    const note: StepNote = { text: 'x', tags: ['gap'], spentMs: 5_000, countedTo: 10_000 };
    expect(countStepTime(note, 10_000, 10_999)).toEqual({
      ...note,
      spentMs: 5_999,
      countedTo: 10_999,
    });
    expect(countStepTime(note, 10_000, 10_000)).toEqual(note);
    expect(countStepTime(note, 10_000, 9_000)).toEqual({ ...note, countedTo: 9_000 });
  });

  it('loses no time however quickly the steps change: their times add up to the time they were shown', () => {
    // The step timer's way: start at stepClockFrom, count at each second's tick, and count the rest when the step
    // goes. The same step twice in a row is its clock restarted on it (a remount), which must not count twice.
    const shown = fc.array(
      fc.record({ step: fc.constantFrom('a', 'b', 'c'), ms: fc.integer({ min: 0, max: 4_000 }) }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(shown, fc.integer({ min: 0, max: 1e12 }), (runs, since) => {
        const notes: Record<string, StepNote> = {};
        let t = since;
        for (const { step, ms } of runs) {
          let last = stepClockFrom(notes, step, since, t);
          const end = t + ms;
          for (let tick = t + 1_000; tick <= end; tick += 1_000) {
            notes[step] = countStepTime(notes[step] ?? EMPTY_NOTE, last, tick);
            last = tick;
          }
          notes[step] = countStepTime(notes[step] ?? EMPTY_NOTE, last, end);
          t = end;
        }
        const spent = Object.values(notes).reduce((n, note) => n + note.spentMs, 0);
        expect(spent).toBe(t - since);
      }),
    );
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
