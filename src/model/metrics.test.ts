import { describe, expect, it } from 'vitest';
import { parseIncident } from './incident';
import { loadBundled } from './bundled.test-helper';
import { computeMetrics, onTheSameDay, sinceFirstActivity } from './metrics';
import { DAY } from './time';
import { minimalIncident } from './test-incident';

const bundled = loadBundled();

function incident(flags: Record<string, string[]>) {
  const file = minimalIncident();
  for (const e of file.events) e.milestones = flags[e.id] as never;
  const r = parseIncident(file);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.incident;
}

describe('metrics', () => {
  it('computes only the metrics whose two milestones exist', () => {
    const inc = incident({
      'first-login': ['first-adversary-activity'],
      'second-login': ['detection'],
    });
    const metrics = computeMetrics(inc);
    expect(metrics.map((m) => m.id)).toEqual(['time-to-detect']);
  });

  it.each([
    ['a time to the next day', '2024-01-01T16:00:00Z', 'minute', '2024-01-02T00:00:00Z', 1],
    ['a date to a time three days later', '2024-01-01T00:00:00Z', 'day', '2024-01-04T23:59:00Z', 3],
    [
      'a time to a date on the same day',
      '2024-01-01T16:00:00Z',
      'minute',
      '2024-01-01T00:00:00Z',
      0,
    ],
  ])('counts calendar days when an endpoint is a date: %s', (_, start, precision, next, days) => {
    const file = minimalIncident();
    Object.assign(file.events[0]!, { start, precision, milestones: ['detection'] });
    Object.assign(file.events[1]!, {
      start: next,
      precision: next.endsWith('T00:00:00Z') ? 'day' : 'minute',
      milestones: ['containment'],
    });
    const r = parseIncident(file);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const [metric] = computeMetrics(r.incident);
    expect([metric?.id, metric?.precision, metric?.ms]).toEqual([
      'time-to-contain',
      'day',
      days * 86_400_000,
    ]);
  });

  it('limits a metric to the coarser precision of its endpoints', () => {
    const inc = incident({
      'first-login': ['first-adversary-activity'],
      'second-login': ['detection'],
    });
    expect(computeMetrics(inc)[0]!.precision).toBe('day');
  });

  it('has no metrics without milestones', () => {
    expect(computeMetrics(incident({}))).toEqual([]);
  });

  it('answers an edited incident from its own events, not from the copy it was edited from', () => {
    const before = incident({
      'first-login': ['first-adversary-activity'],
      'second-login': ['detection'],
    });
    expect(computeMetrics(before).map((m) => m.id)).toEqual(['time-to-detect']);
    // An edit gives the incident a new list of events, as the editor does.
    const events = before.events.map((e) => ({ ...e, milestones: undefined }));
    expect(computeMetrics({ ...before, events })).toEqual([]);
    expect(computeMetrics(before).map((m) => m.id)).toEqual(['time-to-detect']);
  });

  it('measures T+ from the first adversary activity', () => {
    const inc = incident({ 'first-login': ['first-adversary-activity'] });
    // A date the day after 10:00 is a day later, not the 14 hours to its midnight.
    const since = sinceFirstActivity(inc, inc.events[1]!)!;
    expect(since).toEqual({ ms: DAY, precision: 'day' });
    expect(onTheSameDay(since)).toBe(false);
    expect(sinceFirstActivity(inc, inc.events[0]!)).toEqual({ ms: 0, precision: 'second' });
  });

  it.each([
    // The first activity is at 09:22:49 on 14 November; these events give a date alone.
    ['okta-login-denied', 0],
    ['smartsheet-suite-access', 1],
    ['code-red-begins', 13],
  ])('counts T+ to %s in calendar days, as the metrics do: %i', (id, days) => {
    const e = bundled.events.find((x) => x.id === id)!;
    expect(e.precision).toBe('day');
    const since = sinceFirstActivity(bundled, e)!;
    expect(since).toEqual({ ms: days * DAY, precision: 'day' });
    expect(onTheSameDay(since)).toBe(days === 0);
  });
});
