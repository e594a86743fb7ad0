import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIncident } from '../incident';
import { type ColumnMapping, guessMapping, importGenericCsv } from './generic-csv';
import { readCsvHeaders } from './csv-cells';

const spreadsheet = readFileSync(
  new URL('../../../data/fixtures/import/responder-spreadsheet.csv', import.meta.url),
  'utf8',
);

const problemsOf = (text: string, mapping: Partial<ColumnMapping> & { zone?: string }) => {
  const result = importGenericCsv(text, 'times.csv', { time: 'Time', title: 'Event', ...mapping });
  return result.ok ? [] : result.problems;
};

describe("a responder's spreadsheet", () => {
  it('is mapped from its column names, a zone in the time column name aside', () => {
    expect(guessMapping(readCsvHeaders(spreadsheet))).toEqual({
      time: 'Timestamp (UTC)',
      title: 'Event',
      system: 'Host',
      actor: 'Actor',
      technique: 'MITRE',
    });
  });

  it('imports with its times read as UTC from the header, hosts as systems, sources kept', () => {
    const mapping = guessMapping(readCsvHeaders(spreadsheet)) as ColumnMapping;
    const result = importGenericCsv(spreadsheet, 'responder.csv', {
      ...mapping,
      actorKinds: { 'Forensics vendor': 'third-party' },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const parsed = parseIncident(result.file);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const { events, actors, systems } = parsed.incident;
    expect(events).toHaveLength(25);
    expect(events[0]).toMatchObject({ start: '2024-03-04T08:12:33Z', precision: 'second' });
    expect(events[0]!.extra).toEqual({ Source: 'Email gateway' });
    const lateral = events.find((e) => e.title.toString().startsWith('Lateral movement'))!;
    expect(lateral.systems).toEqual(['ws-fin-022', 'ws-fin-031', 'ws-hr-004']);
    expect(systems.map((s) => s.label)).toContain('WS-HR-004');
    expect(actors.map((a) => [a.label, a.kind])).toEqual([
      ['Threat actor', 'adversary'],
      ['IR Team', 'defender'],
      ['IT Helpdesk', 'defender'],
      ['Legal', 'defender'],
      ['Forensics vendor', 'third-party'],
    ]);
  });
});

describe('times the file cannot settle on its own', () => {
  it('asks for the zone once, for all rows, when neither the header nor the cells give one', () => {
    const text = 'Time,Event\n2024-03-04 08:12,a\n2024-03-04 09:12,b\n2024-03-04 10:12,c\n';
    expect(problemsOf(text, {})).toMatchObject([
      {
        path: 'times.csv: 3 rows, column Time',
        message: expect.stringMatching(/^"2024-03-04 08:12" has no zone.*, e\.g\. row 2$/),
      },
    ]);
    const result = importGenericCsv(text, 'times.csv', {
      time: 'Time',
      title: 'Event',
      zone: 'Asia/Taipei',
    });
    expect(result.ok && result.file.events[0]!.start).toBe('2024-03-04T00:12:00Z');
  });

  it('reads the date order from a day over 12, and asks when no day is', () => {
    const ambiguous = 'Time,Event\n03/04/2024,a\n04/05/2024,b\n';
    expect(problemsOf(ambiguous, {})[0]?.message).toMatch(/choose the date order/);
    const decided = importGenericCsv(`${ambiguous}25/05/2024,c\n`, 't.csv', {
      time: 'Time',
      title: 'Event',
    });
    expect(decided.ok && decided.file.events.map((e) => e.start)).toEqual([
      '2024-04-03T00:00:00Z',
      '2024-05-04T00:00:00Z',
      '2024-05-25T00:00:00Z',
    ]);
  });

  it.each([
    [
      'Time,Event\n2024-03-04,a\n03/05/2024,b\n45355,c\n',
      'times.csv: column Time',
      'mixes time formats: year-month-day (e.g. row 2), slashed dates (e.g. row 3), Excel serial dates (e.g. row 4); expected one format in a column',
    ],
    [
      'Time,Event\n25/04/2024,a\n04/25/2024,b\n',
      'times.csv: column Time',
      'has dates with a day over 12 both first and second; expected one date order',
    ],
    [
      'Time,Event\n1969-07-20T20:17Z,a\n',
      'times.csv: row 2, column Time',
      'expected a time between 1970 and 2100',
    ],
    ['Time,Event\n', 'times.csv', 'no events: expected at least one record after the header'],
  ])('refuses %j: %s: %s', (text, path, message) => {
    expect(problemsOf(text, { zone: 'UTC' })).toMatchObject([{ path, message }]);
  });

  it('names a zone it cannot read', () => {
    expect(problemsOf('Time,Event\n2024-03-04 08:12,a\n', { zone: 'Mars/Olympus' })).toMatchObject([
      {
        path: 'times.csv: time zone',
        message:
          '"Mars/Olympus" is not a zone; expected UTC, an offset such as +08:00, or a zone such as Europe/Berlin',
      },
    ]);
  });
});
