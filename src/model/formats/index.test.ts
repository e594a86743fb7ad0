import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParseResult } from '../incident';
import { minimalIncident } from '../test-incident';
import { detectFormat, EXPORT_FORMATS, importFile } from './index';
import { sampleIncident } from './sample-incident';
import { ENGLISH_TABLE } from './table-words.test-helper';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../data/fixtures/${name}`, import.meta.url), 'utf8');
const incident = sampleIncident();

const events = (result: ParseResult) => {
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.incident.events;
};

describe('EXPORT_FORMATS', () => {
  it('has unique ids and file endings', () => {
    expect(new Set(EXPORT_FORMATS.map((f) => f.id)).size).toBe(EXPORT_FORMATS.length);
    expect(new Set(EXPORT_FORMATS.map((f) => f.extension)).size).toBe(EXPORT_FORMATS.length);
  });

  it.each(EXPORT_FORMATS.map((f) => [f.id, f] as const))(
    '%s leaves out the events, and their indicators, it is not given',
    (_, format) => {
      const text = format.export(
        incident,
        incident.events.filter((e) => e.id === 'exfil'),
        'en',
        ENGLISH_TABLE,
      );
      expect(text).not.toContain('First login');
      expect(text).not.toContain('Second login');
      // The indicator tied only to the first login.
      expect(text).not.toContain('203.0.113.45');
    },
  );

  it('app-json output imports back to the same events', () => {
    const appJson = EXPORT_FORMATS.find((f) => f.id === 'app-json')!;
    expect(
      events(
        importFile('export.json', appJson.export(incident, incident.events, 'en', ENGLISH_TABLE)),
      ),
    ).toEqual(incident.events);
  });
});

describe('detectFormat', () => {
  const appJson = JSON.stringify(minimalIncident());
  it.each([
    ['incident.json', JSON.stringify(minimalIncident(), null, 2), 'app-json'],
    ['incident.json', appJson, 'app-json'],
    ['download', `\uFEFF${appJson}`, 'app-json'],
    ['broken.json', 'message,datetime', 'app-json'],
    ['timeline.jsonl', '{"datetime": "2024-01-01T00:00:00Z"}', 'timesketch-jsonl'],
    [
      'timeline.txt',
      '{"message": "x", "datetime": "2024-01-01T00:00:00Z"}\n{"message": "y"}',
      'timesketch-jsonl',
    ],
    [
      'timeline.csv',
      'message,datetime,timestamp_desc\nx,2024-01-01T00:00:00+00:00,Event Time',
      'timesketch-csv',
    ],
    ['timeline.csv', 'message,timestamp,timestamp_desc,extra\n', 'timesketch-csv'],
    ['log.csv', 'message,datetime\nx,2024-01-01T00:00:00+00:00', 'generic-csv'],
    ['log.tsv', 'time\ttitle\n2024-01-01\tx', 'generic-csv'],
    ['timesketch.csv', fixture('timesketch.csv'), 'timesketch-csv'],
    ['broken-timesketch.csv', fixture('broken-timesketch.csv'), 'timesketch-csv'],
    ['timesketch.jsonl', fixture('timesketch.jsonl'), 'timesketch-jsonl'],
    ['generic.csv', fixture('generic.csv'), 'generic-csv'],
  ])('%s %j is %s', (name, text, format) => {
    expect(detectFormat(name, text)).toBe(format);
  });
});

describe('importFile', () => {
  it.each([
    ['timesketch.csv', 8, 'rdp-filesrv', '2024-03-04T23:15:00Z'],
    ['timesketch.jsonl', 6, 'line-5', '2024-05-10T11:00:00Z'],
    ['generic.csv', 7, 'row-2', '2024-07-01T06:14:00Z'],
  ])('imports %s: %i events, %s at %s UTC', (name, count, id, start) => {
    const imported = events(importFile(name, fixture(name)));
    expect(imported).toHaveLength(count);
    expect(imported.find((e) => e.id === id)?.start).toBe(start);
  });

  it('uses a given mapping for a generic CSV', () => {
    const imported = events(
      importFile('generic.csv', fixture('generic.csv'), { time: 'Time', title: 'Ticket' }),
    );
    expect(imported[0]!.title).toBe('INC-1042');
    expect(imported[0]!.extra).toMatchObject({ Summary: 'Deploy key added to the build server' });
  });

  it('keeps columns named after Object methods through import and validation', () => {
    const text = 'Time,Title,constructor,toString,__proto__\n2024-07-01T08:14Z,a,1,2,3\n';
    const [e] = events(importFile('proto.csv', text, { time: 'Time', title: 'Title' }));
    expect(Object.entries(e!.extra!)).toEqual([
      ['constructor', '1'],
      ['toString', '2'],
      ['__proto__', '3'],
    ]);
  });

  it('asks for a mapping when the column names give no time or title', () => {
    expect(importFile('log.csv', 'when,what\n2024-01-01,x')).toMatchObject({
      ok: false,
      problems: [
        {
          path: 'log.csv: row 1',
          message: "choose the columns that hold each event's time and title",
        },
      ],
    });
  });

  it('names the row and column of the broken fixture', () => {
    const result = importFile('broken-timesketch.csv', fixture('broken-timesketch.csv'));
    expect(!result.ok && result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'broken-timesketch.csv: row 4, column datetime: expected an ISO 8601 time with offset, such as 2023-11-22T14:18:22+00:00',
    ]);
  });

  it('reports app JSON problems with the file name and field path', () => {
    const file = minimalIncident();
    file.events[0]!.phase = 'nope';
    const result = importFile('upload.json', JSON.stringify(file));
    expect(!result.ok && result.problems[0]!.path).toBe('upload.json: events[0].phase');
  });
});
