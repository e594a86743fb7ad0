import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { type Incident, parseIncident, type TimelineEvent } from '../incident';
import { minimalIncident } from '../test-incident';
import type { ImportResult } from './imported-events';
import { importFile } from './index';
import { AWKWARD_TITLE, sampleIncident } from './sample-incident';
import {
  exportTimesketchCsv,
  exportTimesketchJsonl,
  importTimesketchCsv,
  importTimesketchJsonl,
  TIMESKETCH_COLUMNS,
} from './timesketch';

const incident = sampleIncident();
const fixture = (name: string) =>
  readFileSync(new URL(`../../../data/fixtures/${name}`, import.meta.url), 'utf8');

function loaded(result: ImportResult): Incident {
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const parsed = parseIncident(result.file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.incident;
}

const problems = (result: ImportResult) => (result.ok ? [] : result.problems);

describe('Timesketch export', () => {
  it('writes the columns Timesketch needs, with ISO times carrying an offset and microsecond timestamps', () => {
    const { data, meta } = Papa.parse<Record<string, string>>(
      exportTimesketchCsv(incident, incident.events, 'en'),
      { header: true },
    );
    expect(meta.fields).toEqual([...TIMESKETCH_COLUMNS]);
    expect(data[0]).toEqual({
      message: 'First login',
      datetime: '2024-01-01T10:00:00+00:00',
      timestamp: '1704103200000000',
      timestamp_desc: 'Event Time',
      end: '',
      precision: 'minute',
      phase: 'Access',
      system: 'VPN',
      actor: 'Attacker',
      action: 'Login',
      technique: 'T1078',
      outcome: 'succeeded',
      event_id: 'first-login',
    });
  });

  it.each([
    ['CSV', exportTimesketchCsv, 'timeline.csv'],
    ['JSONL', exportTimesketchJsonl, 'timeline.jsonl'],
  ] as const)(
    "its %s comes back with each range's end and each time's precision",
    (_, exportAs, name) => {
      const back = importFile(name, exportAs(incident, incident.events, 'en'));
      if (!back.ok) throw new Error(JSON.stringify(back.problems));
      const times = (list: readonly TimelineEvent[]) =>
        list.map(({ id, start, end, precision }) => ({ id, start, end, precision }));
      expect(times(back.incident.events)).toEqual(times(incident.events));
    },
  );

  it('guards a formula-like message in CSV but not in JSONL, which no spreadsheet opens', () => {
    const csv = Papa.parse<Record<string, string>>(
      exportTimesketchCsv(incident, incident.events, 'en'),
      { header: true },
    );
    expect(csv.data[2]!.message).toBe(`'${AWKWARD_TITLE}`);
    const jsonl = exportTimesketchJsonl(incident, incident.events, 'en')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(jsonl[2].message).toBe(AWKWARD_TITLE);
  });

  it('writes one JSON object per line with the same fields, the timestamp as a number', () => {
    const lines = exportTimesketchJsonl(incident, incident.events, 'zh-Hant').split('\n');
    expect(lines.at(-1)).toBe('');
    const exfil = JSON.parse(lines[2]!);
    expect(Object.keys(exfil)).toEqual([...TIMESKETCH_COLUMNS]);
    expect(exfil).toMatchObject({
      timestamp: 1704283200000000,
      system: 'VPN; 檔案伺服器',
      message: '資料外洩',
    });
  });

  it('keeps titles and start times through export and import, in both formats', () => {
    const title = fc
      .string({
        unit: fc.oneof(
          fc.constantFrom('=', '-', '"', ',', '\n', '\r', ';', "'", ' ', '|'),
          fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
        ),
      })
      .filter((t) => t.trim() !== '');
    const second = fc.integer({
      min: Date.parse('1970-01-01T00:00:00Z') / 1000,
      max: Date.parse('2100-01-01T00:00:00Z') / 1000,
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(title, second), { minLength: 1, maxLength: 8 }), (drafts) => {
        const file = minimalIncident();
        const [template] = file.events;
        file.events = drafts.map(([t, s], i) => ({
          ...template!,
          id: `e-${i}`,
          title: t,
          start: new Date(s * 1000).toISOString().replace('.000Z', 'Z'),
          precision: 'second' as const,
        }));
        const parsed = parseIncident(file);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
        const source = parsed.incident;
        const key = (i: Incident) => i.events.map((e) => [e.start, e.title]);
        expect(
          key(
            loaded(importTimesketchCsv(exportTimesketchCsv(source, source.events, 'en'), 'x.csv')),
          ),
        ).toEqual(key(source));
        expect(
          key(
            loaded(
              importTimesketchJsonl(exportTimesketchJsonl(source, source.events, 'en'), 'x.jsonl'),
            ),
          ),
        ).toEqual(key(source));
      }),
    );
  });

  it('keeps event ids, labels, techniques and outcomes through a round trip', () => {
    const back = loaded(
      importTimesketchCsv(exportTimesketchCsv(incident, incident.events, 'en'), 'example.csv'),
    );
    expect(back.events.map((e) => [e.id, e.phase, e.systems, e.techniques, e.outcome])).toEqual([
      ['first-login', 'access', ['vpn'], ['T1078'], 'succeeded'],
      ['second-login', 'access', ['vpn'], undefined, 'failed'],
      ['exfil', 'exfiltration', ['vpn', 'file-server'], ['T1048', 'T1078', 'T1078.004'], 'unknown'],
    ]);
    expect(back.systems.map((s) => s.label)).toEqual(['VPN', 'File server']);
  });
});

describe('Timesketch CSV import', () => {
  const header = 'message,datetime,timestamp_desc,host';

  it('needs message and datetime (or timestamp) columns', () => {
    expect(
      problems(importTimesketchCsv('message,timestamp_desc\nx,Event Time', 'in.csv')),
    ).toMatchObject([
      {
        path: 'in.csv: row 1',
        message:
          'expected the columns message and datetime (or timestamp); the header has message, timestamp_desc',
      },
    ]);
  });

  it('names the row and column of a bad time', () => {
    const text = `${header}\na,2024-01-01T00:00:00+00:00,Event Time,h\nb,2024-01-01 10:00,Event Time,h`;
    expect(problems(importTimesketchCsv(text, 'in.csv'))).toMatchObject([
      {
        path: 'in.csv: row 3, column datetime',
        message: 'expected an ISO 8601 time with offset, such as 2023-11-22T14:18:22+00:00',
      },
    ]);
  });

  it('reads microsecond timestamps when there is no datetime', () => {
    const [e] = loaded(
      importTimesketchCsv(
        'message,timestamp,timestamp_desc\nx,1700662702500000,Event Time',
        'in.csv',
      ),
    ).events;
    expect(e).toMatchObject({
      start: '2023-11-22T14:18:22Z',
      precision: 'second',
      extra: { timestamp: '1700662702500000' },
    });
  });

  it('names the file as the source and each row as the place cited', () => {
    const imported = loaded(
      importTimesketchCsv(`${header}\na,2024-01-01T00:00:00+00:00,Event Time,h`, 'case 42.csv'),
    );
    expect(imported.sources).toEqual([
      { id: 'case-42-csv', title: 'case 42.csv', note: 'Imported from a Timesketch CSV file.' },
    ]);
    expect(imported.events[0]!.citations).toEqual([{ source: 'case-42-csv', locator: 'row 2' }]);
  });

  it('keeps columns it has no field for in extra', () => {
    const [e] = loaded(
      importTimesketchCsv(`${header}\na,2024-01-01T00:00:00+00:00,Event Time,web01`, 'in.csv'),
    ).events;
    expect(e!.extra).toEqual({ timestamp_desc: 'Event Time', host: 'web01' });
  });

  it('imports the fixture: 8 events, an offset converted to UTC, sub-second digits kept aside', () => {
    const imported = loaded(importTimesketchCsv(fixture('timesketch.csv'), 'timesketch.csv'));
    expect(imported.events).toHaveLength(8);
    const byId = new Map(imported.events.map((e) => [e.id, e]));
    expect(byId.get('rdp-filesrv')!.start).toBe('2024-03-04T23:15:00Z');
    expect(byId.get('port-scan')!.extra?.datetime).toBe('2024-03-04T23:02:55.481223+00:00');
    expect(byId.get('edr-alert')!.precision).toBe('minute');
    expect(byId.get('exfil-upload')).toMatchObject({
      outcome: 'unknown',
      systems: ['edge-firewall', 'filesrv01'],
    });
  });

  it('reports the one bad row of the broken fixture', () => {
    expect(
      problems(importTimesketchCsv(fixture('broken-timesketch.csv'), 'broken-timesketch.csv')),
    ).toMatchObject([
      {
        path: 'broken-timesketch.csv: row 4, column datetime',
        message: 'expected an ISO 8601 time with offset, such as 2023-11-22T14:18:22+00:00',
      },
    ]);
  });
});

describe('Timesketch JSONL import', () => {
  it('imports the fixture: 6 events, skipping the blank line, converting the +02:00 time', () => {
    const imported = loaded(importTimesketchJsonl(fixture('timesketch.jsonl'), 'timesketch.jsonl'));
    expect(imported.events).toHaveLength(6);
    expect(imported.events.find((e) => e.citations[0]!.locator === 'line 5')!.start).toBe(
      '2024-05-10T11:00:00Z',
    );
  });

  it('keeps numbers and nested values as JSON text in extra', () => {
    const text =
      '{"message":"x","timestamp":1700662702000000,"score":87,"tags":["a","b"],"none":null}';
    expect(loaded(importTimesketchJsonl(text, 'in.jsonl')).events[0]!.extra).toEqual({
      score: '87',
      tags: '["a","b"]',
    });
  });

  it('keeps fields named __proto__ and constructor in extra', () => {
    const text =
      '{"message":"x","timestamp":1700662702000000,"__proto__":"p","constructor":"c"}\n' +
      '{"message":"y","timestamp":1700662703000000}';
    const [first, second] = loaded(importTimesketchJsonl(text, 'in.jsonl')).events;
    expect(Object.entries(first!.extra!)).toEqual([
      ['__proto__', 'p'],
      ['constructor', 'c'],
    ]);
    expect(second!.extra).toBeUndefined();
  });

  it('lists at most 100 lines that are not JSON objects, then how many more', () => {
    const list = problems(importTimesketchJsonl('[1]\n'.repeat(5000), 'in.jsonl'));
    expect(list).toHaveLength(101);
    expect(list.at(-1)).toEqual({
      path: 'in.jsonl',
      message: 'and 4,900 more of the same kinds',
      more: 4900,
      code: 'more-same',
      params: { more: 4900 },
    });
  });

  it.each([
    [
      '{"message":"x","datetime":"2024-01-01T00:00:00+00:00"}\n{"message":',
      'in.jsonl: line 2',
      /^not valid JSON/,
    ],
    ['["message","x"]', 'in.jsonl: line 1', /^expected a JSON object/],
    [
      '{"message":"x","datetime":"tomorrow"}',
      'in.jsonl: line 1, field datetime',
      /^expected an ISO 8601 time with offset/,
    ],
    ['{"datetime":"2024-01-01T00:00:00+00:00"}', 'in.jsonl: line 1, field message', /^required/],
    ['{"message":"x"}', 'in.jsonl: line 1, field datetime', /^required \(or timestamp\)$/],
  ])('reports %j at %s', (text, path, message) => {
    expect(problems(importTimesketchJsonl(text, 'in.jsonl'))).toMatchObject([
      { path, message: expect.stringMatching(message) },
    ]);
  });
});
