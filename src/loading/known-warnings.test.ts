import { describe, expect, it } from 'vitest';
import { generateIncident } from '../../bench/generate';
import type { WhenIdle } from '../hooks/when-idle';
import { noteTextEdit } from '../model/event-versions';
import { parseIncident, type Incident } from '../model/incident';
import { incidentWarnings } from '../model/incident-warnings';
import { IDLE_FROM, subscribeWarnings, warningsFor } from './known-warnings';

function parsed(n: number): Incident {
  const result = parseIncident(generateIncident(n, 1, 'full'));
  if (!result.ok) throw new Error('the generated incident should be valid');
  return result.incident;
}

/** An idle callback run only when the test says. */
function idleByHand() {
  const queue: (() => void)[] = [];
  const idle: WhenIdle = (work) => {
    queue.push(() => work({ timeRemaining: () => 50 }));
    return () => undefined;
  };
  return {
    idle,
    runAll: () => queue.splice(0).forEach((work) => work()),
  };
}

describe('warningsFor', () => {
  const large = parsed(IDLE_FROM);

  it('makes a small incident’s warnings at once', () => {
    const small = parsed(100);
    const warnings = warningsFor(small, idleByHand().idle);
    expect(warnings?.length).toBeGreaterThan(0);
    expect(warningsFor(small)).toBe(warnings);
  });

  it('makes a large incident’s warnings when the page is idle, and tells the page then', () => {
    const { idle, runAll } = idleByHand();
    const incident = { ...large };
    expect(warningsFor(incident, idle)).toBeUndefined();
    let told = 0;
    const unsubscribe = subscribeWarnings(() => told++);
    runAll();
    unsubscribe();
    expect(told).toBe(1);
    expect(warningsFor(incident)?.length).toBeGreaterThan(0);
  });

  it('makes them in pieces that fit the idle periods, the page told once they are all made', () => {
    const incident = parsed(IDLE_FROM);
    const queue: (() => void)[] = [];
    // Each idle period has time for 500 events.
    const idle: WhenIdle = (work) => {
      let asked = 0;
      queue.push(() => work({ timeRemaining: () => (++asked < 500 ? 1 : 0) }));
      return () => undefined;
    };
    expect(warningsFor(incident, idle)).toBeUndefined();
    let told = 0;
    const unsubscribe = subscribeWarnings(() => told++);
    let periods = 0;
    while (queue.length > 0) {
      expect(told).toBe(0);
      queue.shift()!();
      periods++;
    }
    unsubscribe();
    expect(periods).toBe(Math.ceil(IDLE_FROM / 500));
    expect(told).toBe(1);
    expect(warningsFor(incident)).toEqual(incidentWarnings(parsed(IDLE_FROM)));
  });

  it('scans an incident asked for again after another (an undo) once, not beside its first scan', () => {
    const [a, b] = [parsed(IDLE_FROM), { ...large }];
    const queue: (() => void)[] = [];
    const idle: WhenIdle = (work) => {
      let asked = 0;
      queue.push(() => work({ timeRemaining: () => (++asked < 500 ? 1 : 0) }));
      return () => undefined;
    };
    warningsFor(a, idle);
    warningsFor(b, idle);
    warningsFor(a, idle);
    let periods = 0;
    for (; queue.length > 0; periods++) queue.shift()!();
    // The first scans of a and b stop at their first turn; the second scan of a takes ten.
    expect(periods).toBe(2 + Math.ceil(IDLE_FROM / 500));
    expect(warningsFor(a)?.length).toBeGreaterThan(0);
    expect(warningsFor(b)).toBeUndefined();
  });

  it('never makes the warnings of a large incident replaced before the page was idle (a keystroke’s)', () => {
    const { idle, runAll } = idleByHand();
    const typed = { ...large };
    const next = { ...large };
    expect(warningsFor(typed, idle)).toBeUndefined();
    expect(warningsFor(next, idle)).toBeUndefined();
    runAll();
    expect(warningsFor(next, idle)?.length).toBeGreaterThan(0);
    expect(warningsFor(typed, idle)).toBeUndefined();
  });

  it('makes a text edit’s warnings at once, from those of the large incident it edits', () => {
    const { idle, runAll } = idleByHand();
    const before = { ...large };
    warningsFor(before, idle);
    runAll();
    const at = before.events.findIndex((e) => typeof e.description === 'object');
    const e = before.events[at]!;
    const live = before.indicators!.find((i) => i.value !== i.defanged)!;
    const events = before.events.with(at, {
      ...e,
      description: { en: `Beacons to ${live.value}.` },
    });
    noteTextEdit(before.events, events);
    const edited = { ...before, events };
    const warnings = warningsFor(edited, idle);
    expect(warnings).toEqual(incidentWarnings(edited));
    expect(warnings?.some((w) => w.path === `events[id=${e.id}].description.en`)).toBe(true);
  });
});
