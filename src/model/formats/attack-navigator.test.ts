import { describe, expect, it } from 'vitest';
import { cpuMsSince } from '../cpu-time.test-helper';
import { exportAttackNavigator } from './attack-navigator';
import { sampleIncident } from './sample-incident';

const incident = sampleIncident();
const layerOf = (events = incident.events, lang = 'en') =>
  JSON.parse(exportAttackNavigator(incident, events, lang));

/** The required fields and value rules of layer format 4.5, as its specification (layerformat.md) lists them. */
function layer45Problems(layer: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const versions = layer.versions as Record<string, unknown> | undefined;
  if (typeof layer.name !== 'string') problems.push('name: required string');
  if (!['enterprise-attack', 'mobile-attack', 'ics-attack'].includes(layer.domain as string))
    problems.push('domain');
  if (versions?.layer !== '4.5') problems.push('versions.layer must be "4.5"');
  const navigator = String(versions?.navigator).split('.').map(Number);
  if (navigator.length !== 3 || navigator[0]! < 4 || (navigator[0] === 4 && navigator[1]! < 9))
    problems.push('versions.navigator must be at least 4.9.0');
  for (const t of layer.techniques as Record<string, unknown>[]) {
    if (typeof t.techniqueID !== 'string' || !/^T\d{4}(\.\d{3})?$/.test(t.techniqueID))
      problems.push(`techniqueID ${String(t.techniqueID)}`);
    if (t.score !== undefined && typeof t.score !== 'number')
      problems.push('score must be a number');
  }
  const gradient = layer.gradient as
    { colors: string[]; minValue: number; maxValue: number } | undefined;
  if (gradient && !(gradient.colors.length >= 2 && gradient.maxValue > gradient.minValue))
    problems.push('gradient');
  return problems;
}

describe('exportAttackNavigator', () => {
  it('is a valid layer 4.5 file for the whole incident and for no events at all', () => {
    expect(layer45Problems(layerOf())).toEqual([]);
    expect(layer45Problems(layerOf([]))).toEqual([]);
  });

  it('names the incident and the Enterprise domain', () => {
    expect(layerOf([], 'zh-Hant')).toMatchObject({
      name: '範例事件',
      domain: 'enterprise-attack',
      versions: { layer: '4.5' },
    });
  });

  it('has one entry per technique, scored by how many events use it, naming those events', () => {
    expect(layerOf().techniques).toEqual([
      {
        techniqueID: 'T1048',
        score: 1,
        comment: expect.stringContaining('=HYPERLINK'),
        enabled: true,
      },
      {
        techniqueID: 'T1078',
        score: 2,
        comment: expect.stringMatching(
          /^2024-01-01 10:00 UTC: First login; 2024-01-03 12:00 UTC: =HYPERLINK/,
        ),
        enabled: true,
      },
      { techniqueID: 'T1078.004', score: 1, comment: expect.any(String), enabled: true },
    ]);
  });

  it('sets no tactic, so the annotation shows under every tactic of any ATT&CK version', () => {
    expect(layerOf().techniques.some((t: object) => 'tactic' in t)).toBe(false);
    expect(layerOf().versions.attack).toBeUndefined();
  });

  it('counts only the given events, and scales the gradient to the top score', () => {
    const layer = layerOf(incident.events.slice(0, 1));
    expect(layer.techniques).toEqual([
      {
        techniqueID: 'T1078',
        score: 1,
        comment: '2024-01-01 10:00 UTC: First login',
        enabled: true,
      },
    ]);
    expect(layerOf().gradient).toMatchObject({ minValue: 0, maxValue: 2 });
  });
});

describe('exportAttackNavigator at scale', () => {
  it('scores a technique shared by 20,000 events in linear time', () => {
    const [login] = incident.events;
    const events = Array.from({ length: 20_000 }, (_, i) => ({ ...login!, id: `e-${i}` }));
    const started = process.cpuUsage();
    const layer = layerOf(events);
    // Copying the growing list for each event took tens of seconds here.
    expect(cpuMsSince(started)).toBeLessThan(2000);
    expect(layer.techniques).toMatchObject([{ techniqueID: 'T1078', score: 20_000 }]);
    expect(layer.gradient.maxValue).toBe(20_000);
  });
});
