import { describe, expect, it } from 'vitest';
import { parseIncident } from './incident';
import { minimalIncident } from './test-incident';
import { textFields, textVersions } from './text-fields';

function incident() {
  const file = minimalIncident();
  file.languages = ['en', 'zh-Hant'];
  file.summary = { en: 'Two events.', 'zh-Hant': '兩個事件。' };
  file.phases[0]!.prompts = ['Who saw it?'];
  file.events[1]!.inferred = { reason: 'The report says "the next day".' };
  file.events[1]!.inject = { question: 'What now?' };
  file.events[1]!.extra = { host: 'web-1' };
  file.indicators = [
    {
      id: 'ip',
      type: 'ipv4',
      value: '10.0.0.1',
      defanged: '10.0.0[.]1',
      description: 'C2',
      owner: 'Example Hosting',
      citations: [{ source: 'report', locator: 'IOCs' }],
    },
  ];
  const r = parseIncident(file);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.incident;
}

describe('textFields', () => {
  it('lists every human-readable field with its path, and nothing machine-readable', () => {
    expect([...textFields(incident())].map((f) => f.path)).toEqual([
      'title',
      'summary',
      'sources[id=report].title',
      'sources[id=report].publisher',
      'phases[id=access].label',
      'systems[id=vpn].label',
      'actors[id=attacker].label',
      'actions[id=login].label',
      'phases[id=access].prompts[0]',
      'techniques[id=T1078].name',
      'events[id=first-login].title',
      'events[id=first-login].description',
      'events[id=first-login].citations[0].locator',
      'events[id=second-login].title',
      'events[id=second-login].description',
      'events[id=second-login].citations[0].locator',
      'events[id=second-login].inferred.reason',
      'events[id=second-login].inject.question',
      'events[id=second-login].extra.host',
      'indicators[id=ip].description',
      'indicators[id=ip].owner',
      'indicators[id=ip].citations[0].locator',
    ]);
  });

  it('gives each language of a text its own path', () => {
    const versions = [...textVersions(textFields(incident()))].slice(0, 3);
    expect(versions).toEqual([
      { path: 'title', text: 'Example incident' },
      { path: 'summary.en', text: 'Two events.' },
      { path: 'summary.zh-Hant', text: '兩個事件。' },
    ]);
  });
});
