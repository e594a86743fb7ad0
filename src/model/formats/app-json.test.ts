import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Incident, type IncidentFile, parseIncident } from '../incident';
import { exportAppJson, incidentFileText } from './app-json';
import { sampleIncident } from './sample-incident';

const published = JSON.parse(
  readFileSync(new URL('../../../public/schema/incident.schema.json', import.meta.url), 'utf8'),
);
const ajv = new Ajv2020({ strict: false });
addFormats(ajv);
const validate = ajv.compile(published);

const incident = sampleIncident();
const pick = (...ids: string[]) => incident.events.filter((e) => ids.includes(e.id));

function reparsed(text: string): Incident {
  const result = parseIncident(JSON.parse(text));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.incident;
}

describe('exportAppJson', () => {
  it('holds exactly the given events, unchanged, and loads back as an incident', () => {
    const events = pick('first-login', 'exfil');
    expect(reparsed(exportAppJson(incident, events, 'en')).events).toEqual(events);
  });

  it('is valid against the published JSON Schema for any subset of events', () => {
    fc.assert(
      fc.property(fc.subarray(incident.events), (events) => {
        const text = exportAppJson(incident, events, 'en');
        expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
        expect(reparsed(text).events.map((e) => e.id)).toEqual(events.map((e) => e.id));
      }),
    );
  });

  it('writes no interval fields and no repository-relative $schema', () => {
    const file = JSON.parse(exportAppJson(incident, incident.events, 'en'));
    expect(file.$schema).toBeUndefined();
    expect(file.events[0].startMs).toBeUndefined();
    expect(file.events[0].endMs).toBeUndefined();
  });

  it('saves a whole file without its repository-relative $schema, and changes nothing else', () => {
    const bundled = JSON.parse(
      readFileSync(
        new URL('../../../data/cloudflare-thanksgiving-2023.json', import.meta.url),
        'utf8',
      ),
    ) as IncidentFile;
    expect(bundled.$schema).toBeDefined();
    const saved = JSON.parse(incidentFileText(bundled)) as IncidentFile;
    const { $schema: _repoPath, ...rest } = bundled;
    void _repoPath;
    expect(saved).toEqual(rest);
    expect(validate(saved), JSON.stringify(validate.errors)).toBe(true);
    // A deployment's own schema, as the README suggests writing, stays.
    const deployed = { ...bundled, $schema: 'https://example.org/schema/incident.schema.json' };
    expect(JSON.parse(incidentFileText(deployed))).toEqual(deployed);
  });

  it('drops links to events that were left out', () => {
    const exported = reparsed(exportAppJson(incident, pick('second-login', 'exfil'), 'en'));
    expect(exported.events.map((e) => e.related)).toEqual([undefined, undefined]);
  });

  it('keeps indicators tied to a kept event or to none, without references to left-out events', () => {
    const exported = reparsed(exportAppJson(incident, pick('exfil'), 'en'));
    expect(exported.indicators?.map((i) => [i.id, i.events])).toEqual([
      ['domain', ['exfil']],
      ['tool', undefined],
    ]);
  });

  it('keeps every taxonomy, source and language, whatever the display language', () => {
    const exported = reparsed(exportAppJson(incident, pick('first-login'), 'zh-Hant'));
    expect(exported.phases).toEqual(incident.phases);
    expect(exported.systems).toEqual(incident.systems);
    expect(exported.techniques).toEqual(incident.techniques);
    expect(exported.sources).toEqual(incident.sources);
    expect(exported.title).toEqual({ en: 'Example incident', 'zh-Hant': '範例事件' });
  });
});
