import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, filterEvents } from '../filters';
import { type Incident, parseIncident } from '../incident';
import { localize } from '../text';
import { writeCsv } from './csv-cells';
import { exportCsv } from './csv';
import { type ImportChoices, importGenericCsv } from './generic-csv';
import { exportMarkdown } from './markdown';
import { exportTimesketchJsonl } from './timesketch';
import { eventLabels } from './labels';
import { ENGLISH_TABLE } from './table-words.test-helper';

const SPREADSHEET: ImportChoices = {
  time: 'Timestamp (UTC)',
  title: 'Event',
  system: 'Host',
  actor: 'Actor',
  technique: 'MITRE',
  actorKinds: { 'IR Team': 'defender', Legal: 'defender' },
};
// The app's CSV export read back: its own columns mapped, so only imported columns are left over.
const APP_CSV: ImportChoices = {
  time: 'start',
  end: 'end',
  title: 'title',
  description: 'description',
  phase: 'phase',
  actor: 'actor',
  action: 'action',
  system: 'systems',
  outcome: 'outcome',
  technique: 'techniques',
  actorKinds: SPREADSHEET.actorKinds,
};
const BOOKKEEPING = ['id', 'precision', 'inferred', 'source locator'];

function load(text: string, choices: ImportChoices): Incident {
  const result = importGenericCsv(text, 'sheet.csv', choices);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const parsed = parseIncident(result.file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.incident;
}

/** What the app shows of each event: its time, texts, terms by label and side, and imported columns. */
function appFields(incident: Incident) {
  const labels = eventLabels(incident, 'en');
  const kinds = new Map(incident.actors.map((a) => [a.id, a.kind]));
  return incident.events.map((e) => {
    const l = labels(e);
    const extra = Object.entries(e.extra ?? {}).filter(([k]) => !BOOKKEEPING.includes(k));
    return {
      start: e.start,
      title: localize(e.title, 'en'),
      description: localize(e.description, 'en'),
      ...l,
      actorKind: kinds.get(e.actor),
      outcome: e.outcome,
      techniques: e.techniques ?? [],
      extra: Object.fromEntries(extra),
    };
  });
}

const text = fc
  .string({ minLength: 1, maxLength: 20 })
  .filter((s) => s.trim() !== '' && s === s.trim() && !/[\r\n]/.test(s));
const row = fc.record({
  time: fc.date({ min: new Date('1971-01-01'), max: new Date('2099-01-01'), noInvalidDate: true }),
  title: text,
  hosts: fc.uniqueArray(fc.constantFrom('WS-FIN-022', 'WS-HR-004', 'DC-01', 'MAIL-GW'), {
    maxLength: 3,
  }),
  actor: fc.constantFrom('Threat actor', 'IR Team', 'Legal'),
  source: fc.option(text, { nil: undefined }),
  mitre: fc.uniqueArray(fc.constantFrom('T1566.001', 'T1003.001', 'T1560.001'), { maxLength: 2 }),
});

describe('import, export, import', () => {
  it('gives back the same events: the CSV export holds everything the import read', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), (rows) => {
        const csv = writeCsv(
          ['Timestamp (UTC)', 'Event', 'Host', 'Actor', 'Source', 'MITRE'],
          rows.map((r) => [
            r.time.toISOString().slice(0, 19).replace('T', ' '),
            r.title,
            r.hosts.join(', '),
            r.actor,
            r.source ?? '',
            r.mitre.join('; '),
          ]),
        );
        const first = load(csv, SPREADSHEET);
        const again = load(exportCsv(first, first.events, 'en'), APP_CSV);
        // Events at the same time are ordered by id, and ids come from row numbers, which the export renumbers.
        const sorted = (i: Incident) =>
          appFields(i)
            .map((e) => JSON.stringify(e))
            .sort();
        expect(sorted(again)).toEqual(sorted(first));
      }),
      { numRuns: 60 },
    );
  });
});

describe('imported columns', () => {
  const incident = load(
    'Timestamp (UTC),Event,Host,Actor,Source,MITRE\n2024-03-04 08:12:33,Phishing email,WS-FIN-022,Threat actor,Email gateway,\n2024-03-04 09:00:00,Isolated,WS-FIN-022,IR Team,,\n',
    SPREADSHEET,
  );

  it('are searched', () => {
    const query = {
      filters: { phase: [], system: [], actor: [], action: [], outcome: [] },
      q: 'gateway',
    };
    expect(
      filterEvents(incident.events, query, buildSearchIndex(incident)).map((e) => e.id),
    ).toEqual([incident.events[0]!.id]);
  });

  it('are columns of the CSV and Markdown exports and fields of the Timesketch export', () => {
    const csv = exportCsv(incident, incident.events, 'en').split('\r\n');
    expect(csv[0]!.endsWith(',source locator,Source')).toBe(true);
    expect(csv[1]!.endsWith(',Email gateway')).toBe(true);
    const md = exportMarkdown(incident, incident.events, 'en', ENGLISH_TABLE).split('\n');
    expect(md[2]).toBe('| Time (UTC) | Event | Phase | Actor | Systems | Outcome | Source |');
    expect(md[3]).toBe('| --- | --- | --- | --- | --- | --- | --- |');
    expect(md[4]).toMatch(/\| Email gateway \|$/);
    const [line] = exportTimesketchJsonl(incident, incident.events, 'en').split('\n');
    expect(JSON.parse(line!)).toMatchObject({ Source: 'Email gateway' });
  });
});
