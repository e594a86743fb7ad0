import { describe, expect, it } from 'vitest';
import { phaseBands } from './chart-model';
import { en, loadBundled } from './bundled.test-helper';
import type { LocalizedText } from './incident';
import { presentSteps, revealedEvents, revealedIncident, stepIndexer } from './present';
import { asTheRoomSees, stepMoment } from './present-clip';
import { localize } from './text';

const bundled = loadBundled();
const steps = presentSteps(bundled.events);
const mark = (t: LocalizedText): LocalizedText => `${localize(t, 'en')} (ongoing)`;
const roomAt = (event: string, inject = false) => {
  const index = stepIndexer(steps)({ event, inject })!;
  const room = asTheRoomSees(revealedEvents(steps, index), steps[index]!, mark);
  return { ...room, index, now: stepMoment(steps[index]!) };
};

describe('what the room sees at a step', () => {
  it('cuts a range that ends later at the step and marks it ongoing', () => {
    const { events, ongoing } = roomAt('other-systems-attempts');
    const attempts = events.find((e) => e.id === 'other-systems-attempts')!;
    expect(ongoing.has('other-systems-attempts')).toBe(true);
    expect(attempts.end).toBeUndefined();
    expect(en(attempts.title)).toMatch(/\(ongoing\)$/);
  });

  it('ends no event and no phase band after the moment of the detection inject', () => {
    const { events, now } = roomAt('automated-alert', true);
    const real = bundled.events.find((e) => e.id === 'other-systems-attempts')!;
    expect(real.endMs).toBeGreaterThan(now);
    const shown = revealedIncident(bundled, events);
    const lateral = phaseBands(shown, shown.events, 'en').find(
      (b) => b.phase === 'lateral-movement',
    )!;
    expect(lateral.end).toBeLessThanOrEqual(now);
    expect(
      Math.max(...events.map((e) => (e.end ? Date.parse(e.end) : e.startMs))),
    ).toBeLessThanOrEqual(now);
  });

  it('gives the room the present text instead of a description that tells the end', () => {
    const { events } = roomAt('activity-paused');
    const paused = events.find((e) => e.id === 'activity-paused')!;
    const real = bundled.events.find((e) => e.id === 'activity-paused')!;
    expect(paused.description).toEqual(real.presentText);
    expect(en(paused.description)).not.toMatch(/three days/);
  });

  it('a date-only range that ends the day of a date-only step has ended at that step', () => {
    // Code Red's workstreams end on 5 January, the day the step says the emergency work ended.
    const { events, ongoing } = roomAt('code-red-ends');
    const rotated = events.find((e) => e.id === 'production-credentials-rotated')!;
    expect(rotated.end).toBe('2024-01-05T00:00:00Z');
    expect(ongoing.has('production-credentials-rotated')).toBe(false);
    expect(en(rotated.title)).not.toMatch(/\(ongoing\)$/);
  });

  it('a range with an exact end later on the day of a date-only step is still ongoing there', () => {
    // The pause ends at 09:26:53 on 20 November; the access test is dated that day with no time.
    const { ongoing } = roomAt('access-test-nov-20');
    expect(ongoing.has('activity-paused')).toBe(true);
  });

  it('leaves events that ended by the step as they are', () => {
    const { events, ongoing } = roomAt('post-published');
    expect(ongoing.size).toBe(0);
    const triage = events.find((e) => e.id === 'forensic-triage')!;
    expect(triage.end).toBe(bundled.events.find((e) => e.id === 'forensic-triage')!.end);
  });
});
