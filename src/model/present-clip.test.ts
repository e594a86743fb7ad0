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
  it('cuts a range that ends later where the room has got, and marks it ongoing', () => {
    // Dated 14 November with no time, after the probing at 09:22:49 that day, which the room has seen.
    const { events, ongoing } = roomAt('other-systems-attempts');
    const shown = events.find((e) => e.id === 'other-systems-attempts')!;
    expect(ongoing.has('other-systems-attempts')).toBe(true);
    expect(shown.end).toBe('2023-11-14T09:22:49Z');
    expect(en(shown.title)).toMatch(/\(ongoing\)$/);
  });

  it('never cuts a range back: a date-only step after the timed events of its day keeps the latest of them', () => {
    // Blocking the known addresses (21:31 on 23 November) comes before the archiving, dated that day with no time.
    const blocked = roomAt('known-ips-blocked');
    const archived = roomAt('repositories-archived');
    expect(archived.index).toBe(blocked.index + 1);
    const endOf = (room: typeof blocked) =>
      room.events.find((e) => e.id === 'other-systems-attempts')!.endMs;
    expect(endOf(archived)).toBe(Date.parse('2023-11-23T21:31:00Z'));
    for (let i = 1; i < steps.length; i++) {
      const before = asTheRoomSees(revealedEvents(steps, i - 1), steps[i - 1]!, mark);
      const after = asTheRoomSees(revealedEvents(steps, i), steps[i]!, mark);
      for (const e of before.events) {
        const later = after.events.find((x) => x.id === e.id)!;
        expect(later.endMs, `${e.id} at step ${i}`).toBeGreaterThanOrEqual(e.endMs);
      }
    }
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

  it.each([
    // What a later step brings: the next day's activity and Sliver's removal, the alert, the last activity and the
    // independent review, the end of all access, the account revoked.
    ['known-ips-blocked', /10:44|11:59|next day/],
    ['admin-group-change', /alert/],
    ['last-threat-actor-activity', /CrowdStrike|last/],
    ['sliver-removed', /access ended/],
    ['aws-environment-accessed', /revoked/],
  ])('at %s the room reads nothing a later step brings', (id, later) => {
    const real = bundled.events.find((e) => e.id === id)!;
    expect(en(real.description)).toMatch(later);
    const shown = roomAt(id).events.find((e) => e.id === id)!;
    expect(en(shown.description)).not.toMatch(later);
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
