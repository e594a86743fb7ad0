import { describe, expect, it } from 'vitest';
import { parseIncident } from './incident';
import { computeMetrics, sinceFirstActivity } from './metrics';
import { minimalIncident } from './test-incident';

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
    expect(metrics[0]!.ms).toBe(
      Date.parse('2024-01-02T00:00:00Z') - Date.parse('2024-01-01T10:00:00Z'),
    );
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

  it('measures T+ from the first adversary activity', () => {
    const inc = incident({ 'first-login': ['first-adversary-activity'] });
    expect(sinceFirstActivity(inc, inc.events[1]!)).toBe(14 * 3600_000);
  });
});
