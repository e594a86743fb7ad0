import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agenda } from './tabletop';
import { loadBundled } from './bundled.test-helper';
import { computeMetrics, sinceFirstActivity } from './metrics';
import {
  channelName,
  clampStep,
  elapsedBetween,
  isSingular,
  parseMessage,
  phaseStep,
  presentSteps,
  previousEvent,
  receiveMessage,
  revealedEvents,
  revealedIncident,
  stepIndexer,
  stepRef,
  SessionId,
  stepWindow,
} from './present';
import { DAY, HOUR } from './time';
import { parseViewState } from './view-state';

const bundled = loadBundled();
const steps = presentSteps(bundled.events);
const indexOf = stepIndexer(steps);
const at = (event: string, inject = false) => indexOf({ event, inject })!;
const ids = (events: { id: string }[]) => events.map((e) => e.id);

describe('present steps', () => {
  it('are the events in reading order, with an inject question before each inject event', () => {
    const injects = bundled.events.filter((e) => e.inject).length;
    expect(injects).toBeGreaterThan(0);
    expect(steps).toHaveLength(bundled.events.length + injects);
    expect(ids(steps.filter((s) => !s.inject).map((s) => s.event))).toEqual(ids(bundled.events));
    const alert = at('automated-alert', true);
    expect(steps[alert]).toMatchObject({ inject: true, event: { id: 'automated-alert' } });
    expect(steps[alert + 1]).toMatchObject({ inject: false, event: { id: 'automated-alert' } });
  });

  it.each([
    [{ event: 'nope', inject: false }, undefined],
    [{ event: 'probing-begins', inject: true }, 2],
    [{ event: 'okta-compromise', inject: true }, 0],
    [{ event: 'okta-compromise', inject: false }, 1],
  ])('finds the step of %o', (ref, index) => {
    expect(indexOf(ref)).toBe(index);
  });

  it('round-trips every step through its URL reference', () => {
    steps.forEach((s, i) => expect(indexOf(stepRef(s))).toBe(i));
  });

  it('finds each step by its event again in steps cut down by a filter, and no step for the events left out', () => {
    const cut = steps.filter((s) => s.event.phase !== 'detection');
    const left = bundled.events.filter((e) => e.phase === 'detection');
    expect(left.length).toBeGreaterThan(0);
    const indexOf = stepIndexer(cut);
    cut.forEach((s, i) => expect(indexOf(stepRef(s))).toBe(i));
    for (const e of left) expect(indexOf({ event: e.id, inject: false })).toBeUndefined();
    expect(indexOf({ event: 'nope', inject: true })).toBeUndefined();
  });

  it('clamps to the first and last step', () => {
    expect(clampStep(steps, -3)).toBe(0);
    expect(clampStep(steps, 999)).toBe(steps.length - 1);
  });

  it('jumps to the first step of the n-th phase in the agenda’s order, not the file’s', () => {
    const items = agenda(steps, 60, {});
    expect(items.length).toBeGreaterThan(8);
    items.forEach((item, i) => expect(phaseStep(steps, i + 1)).toBe(item.first));
    // Collection is the file's seventh phase but comes up ninth in the exercise.
    expect(steps[phaseStep(steps, 9)!]!.event.phase).toBe('collection');
    expect(phaseStep(steps, items.length + 1)).toBeUndefined();
  });
});

describe('progressive reveal', () => {
  it('shows a prefix of the events that grows by at most one per step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: steps.length - 1 }), (i) => {
        const shown = revealedEvents(steps, i);
        expect(ids(shown)).toEqual(ids(bundled.events.slice(0, shown.length)));
        if (i > 0)
          expect(shown.length - revealedEvents(steps, i - 1).length).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('asks an inject question before its event is shown', () => {
    expect(ids(revealedEvents(steps, at('automated-alert', true)))).not.toContain(
      'automated-alert',
    );
    expect(ids(revealedEvents(steps, at('automated-alert'))).at(-1)).toBe('automated-alert');
    expect(revealedEvents(steps, 0)).toEqual([]);
  });

  it('keeps everything the shown events do not use out of the incident', () => {
    const cut = revealedIncident(bundled, revealedEvents(steps, at('sliver-installed')));
    const shown = new Set(ids(cut.events));
    expect(cut.summary).toEqual(bundled.title);
    expect(cut.phases.every((p) => cut.events.some((e) => e.phase === p.id))).toBe(true);
    expect(cut.phases.map((p) => p.id)).not.toContain('eradication');
    expect(cut.systems.every((s) => cut.events.some((e) => e.systems.includes(s.id)))).toBe(true);
    expect(cut.events.flatMap((e) => e.related ?? []).every((r) => shown.has(r.event))).toBe(true);
    // The Sliver IP is also tied to Sliver's removal, which has not happened yet.
    expect(cut.indicators?.map((i) => i.id)).toEqual(['domain-idowall-com']);
  });

  it('computes only the metrics whose two milestones have been shown', () => {
    const metricsAt = (id: string) =>
      computeMetrics(revealedIncident(bundled, revealedEvents(steps, at(id)))).map((m) => m.id);
    expect(metricsAt('okta-compromise')).toEqual([]);
    expect(metricsAt('sliver-installed')).toEqual(['compromise-to-first-use']);
    expect(metricsAt('automated-alert')).toEqual(['compromise-to-first-use', 'time-to-detect']);
    expect(metricsAt('post-published')).toEqual(computeMetrics(bundled).map((m) => m.id));
  });

  it('gives no T+ before the first adversary activity is shown', () => {
    const cut = revealedIncident(bundled, revealedEvents(steps, at('okta-compromise')));
    expect(sinceFirstActivity(cut, cut.events[0]!)).toBeUndefined();
  });

  it('returns the incident itself when everything is shown', () => {
    expect(revealedIncident(bundled, bundled.events)).toBe(bundled);
  });
});

describe('time between steps', () => {
  const byId = new Map(bundled.events.map((e) => [e.id, e]));
  const ev = (id: string) => byId.get(id)!;
  it.each([
    ['okta-compromise', 'probing-begins', 27 * DAY, 'day'],
    ['probing-begins', 'okta-login-denied', 0, 'day'],
    ['admin-group-change', 'automated-alert', 2 * 60_000, 'minute'],
    ['sliver-installed', 'bitbucket-access', 0, 'day'],
    [
      'moveworks-token-access',
      'atlassian-account-created',
      22 * HOUR + 7 * 60_000 + 59_000,
      'second',
    ],
  ])('from %s to %s', (a, b, ms, precision) => {
    const e = elapsedBetween(ev(a), ev(b));
    expect(e.precision).toBe(precision);
    expect(e.ms).toBe(ms);
  });

  it('counts from the previous event, not from the inject question of the same one', () => {
    expect(previousEvent(steps, at('automated-alert'))?.id).toBe('admin-group-change');
    expect(previousEvent(steps, at('automated-alert', true))?.id).toBe('admin-group-change');
    expect(previousEvent(steps, 0)).toBeUndefined();
    expect(previousEvent(steps, 1)).toBeUndefined();
  });

  it.each([
    [DAY, true],
    [HOUR, true],
    [2 * DAY, false],
    [DAY + HOUR, false],
  ])('%d ms reads as singular: %s', (ms, one) => {
    expect(isSingular(ms)).toBe(one);
  });
});

describe('step window', () => {
  it('holds the current event with room on the right', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: steps.length - 1 }), (i) => {
        const current = steps[i]!.event;
        const w = stepWindow(revealedEvents(steps, i), current);
        expect(w.from).toBeLessThan(current.startMs);
        expect(w.to).toBeGreaterThan(current.endMs);
        expect(w.to - w.from).toBeGreaterThanOrEqual(2 * HOUR);
      }),
    );
  });
});

describe('sync messages', () => {
  const step = {
    type: 'step',
    from: 'presenter',
    event: 'sliver-installed',
    inject: false,
    reveal: true,
  };
  it.each([
    [{ type: 'hello', from: 'audience' }, true],
    [step, true],
    [{ type: 'hello' }, false],
    [{ ...step, from: 'someone' }, false],
    [{ ...step, event: '' }, false],
    [{ ...step, event: 'x'.repeat(121) }, false],
    [{ ...step, reveal: 'yes' }, false],
    [{ type: 'step', from: 'presenter', event: 'x' }, false],
    [{ type: 'step', from: 'presenter', inject: false, reveal: false }, true],
    [{ ...step, extra: 1 }, false],
    [[step], false],
    ['step', false],
    [null, false],
  ])('accepts %o: %s', (data, ok) => {
    expect(parseMessage(data) !== undefined).toBe(ok);
  });

  it('turns away an oversized message before validating it', () => {
    const huge = {
      ...step,
      ...Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i])),
    };
    expect(parseMessage(huge)).toBeUndefined();
    expect(parseMessage({ ...step, event: 'a'.repeat(10_000_000) })).toBeUndefined();
  });

  it('hears only the other window: the room moves and reveals only at its presenter', () => {
    expect(receiveMessage(step, 'audience')).toEqual(step);
    expect(receiveMessage({ ...step, from: 'audience' }, 'audience')).toBeUndefined();
    expect(receiveMessage({ type: 'hello', from: 'presenter' }, 'presenter')).toBeUndefined();
    expect(receiveMessage({ type: 'hello', from: 'audience' }, 'presenter')).toEqual({
      type: 'hello',
      from: 'audience',
    });
  });

  it('names each session its own channel, unlike the old fixed name per incident', () => {
    const a = crypto.randomUUID();
    const b = crypto.randomUUID();
    expect(SessionId.safeParse(a).success).toBe(true);
    expect(channelName(a)).not.toBe(channelName(b));
    expect(channelName(a)).not.toBe('incident-timeline:present:cloudflare-thanksgiving-2023');
  });

  it('takes from a link exactly the session ids the channel accepts', () => {
    const candidate = fc.oneof(
      fc.uuid(),
      ...([1, 2, 3, 4, 5, 6, 7, 8] as const).map((version) => fc.uuid({ version })),
      fc.constantFrom(
        '00000000-0000-0000-0000-000000000000',
        'ffffffff-ffff-ffff-ffff-ffffffffffff',
        '123e4567-e89b-02d3-a456-426614174000',
        '123e4567-e89b-12d3-c456-426614174000',
        '123E4567-E89B-12D3-A456-426614174000',
        'incident-timeline',
        '',
      ),
      fc.string({ maxLength: 40 }),
    );
    fc.assert(
      fc.property(candidate, (id) => {
        const fromLink = parseViewState(`?session=${encodeURIComponent(id)}`).state.session;
        expect(fromLink !== undefined).toBe(SessionId.safeParse(id).success);
      }),
    );
  });
});
