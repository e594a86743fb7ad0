import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Incident, parseIncident } from '../incident';
import { type ColumnMapping, guessMapping, importGenericCsv } from './generic-csv';
import type { ImportResult } from './imported-events';

const fixture = readFileSync(
  new URL('../../../data/fixtures/generic.csv', import.meta.url),
  'utf8',
);

function loaded(result: ImportResult): Incident {
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const parsed = parseIncident(result.file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.incident;
}

describe('guessMapping', () => {
  it.each([
    [
      ['Time', 'Host', 'User', 'Summary', 'Result', 'Ticket'],
      { time: 'Time', system: 'Host', actor: 'User', title: 'Summary', outcome: 'Result' },
    ],
    [
      ['message', 'datetime', 'timestamp', 'timestamp_desc'],
      { time: 'datetime', title: 'message' },
    ],
    [
      ['@timestamp', 'host.name', 'user.name', 'event.action', 'message'],
      {
        time: '@timestamp',
        system: 'host.name',
        actor: 'user.name',
        action: 'event.action',
        title: 'message',
      },
    ],
    [
      ['Date', 'Title', 'Description', 'Tactic', 'Technique ID', 'End Time', 'Status'],
      {
        time: 'Date',
        end: 'End Time',
        title: 'Title',
        description: 'Description',
        phase: 'Tactic',
        technique: 'Technique ID',
        outcome: 'Status',
      },
    ],
    [
      ['Start', 'End', 'Source', 'Event'],
      { time: 'Start', end: 'End', system: 'Source', title: 'Event' },
    ],
    [
      ['Time', 'Title', 'Systems', 'Techniques'],
      { time: 'Time', title: 'Title', system: 'Systems', technique: 'Techniques' },
    ],
    [['when', 'what'], {}],
  ])('%j -> %j', (headers, mapping) => {
    expect(guessMapping(headers)).toEqual(mapping);
  });
});

describe('importGenericCsv', () => {
  const mapping: ColumnMapping = { time: 'when', title: 'what', end: 'until', system: 'host' };

  it('converts times to UTC and keeps unmapped columns in extra', () => {
    const text = 'when,what,host,ticket\n2024-07-01T08:14:00+02:00,Key added,web01,INC-1\n';
    const [e] = loaded(
      importGenericCsv(text, 'log.csv', { time: 'when', title: 'what', system: 'host' }),
    ).events;
    expect(e).toMatchObject({
      start: '2024-07-01T06:14:00Z',
      title: 'Key added',
      systems: ['web01'],
      extra: { ticket: 'INC-1' },
    });
  });

  const PROTOTYPE_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty'];

  it.each(PROTOTYPE_NAMES)('maps a column named %s, even where a row leaves it empty', (name) => {
    const text = `when,what,${name}\n2024-07-01T08:14Z,a,web01\n2024-07-01T09:14Z,b,\n`;
    const incident = loaded(
      importGenericCsv(text, 'log.csv', { time: 'when', title: 'what', system: name }),
    );
    expect(incident.events.map((e) => e.systems)).toEqual([['web01'], ['unknown']]);
  });

  it.each(PROTOTYPE_NAMES)('keeps an unmapped column named %s under imported fields', (name) => {
    const text = `when,what,${name},ticket\n2024-07-01T08:14Z,a,kept,INC-1\n2024-07-01T09:14Z,b,,INC-2\n`;
    const [first, second] = loaded(
      importGenericCsv(text, 'log.csv', { time: 'when', title: 'what' }),
    ).events;
    // Compared as entries: an object literal with a "__proto__" key would set a prototype, not an entry.
    expect(Object.entries(first!.extra!)).toEqual([
      [name, 'kept'],
      ['ticket', 'INC-1'],
    ]);
    expect(Object.entries(second!.extra!)).toEqual([['ticket', 'INC-2']]);
  });

  it('reads an end column; the event takes the finer precision of its two ends', () => {
    const text = 'when,what,until,host\n2024-07-01,Outage,2024-07-02T10:30Z,web01\n';
    const [e] = loaded(importGenericCsv(text, 'log.csv', mapping)).events;
    expect(e).toMatchObject({
      start: '2024-07-01T00:00:00Z',
      end: '2024-07-02T10:30:00Z',
      precision: 'minute',
    });
  });

  it('names the row and column of each problem', () => {
    const text =
      'when,what,until,host\n2024-07-01T10:00Z,ok,,web01\n2024-07-01 10:00,bad time,,web01\n2024-07-02T00:00Z,,2024-07-01T00:00Z,web01\n';
    expect(importGenericCsv(text, 'log.csv', mapping)).toMatchObject({
      ok: false,
      problems: [
        {
          path: 'log.csv: row 3, column when',
          message: expect.stringMatching(/has no zone/),
        },
        { path: 'log.csv: row 4, column until', message: 'the end is before the start' },
        {
          path: 'log.csv: row 4, column what',
          message: 'required: expected the text of the event',
        },
      ],
    });
  });

  it('says when the mapping names a column the file does not have', () => {
    expect(
      importGenericCsv('time,title\n1,x', 'log.csv', { time: 'time', title: 'message' }),
    ).toMatchObject({
      ok: false,
      problems: [
        {
          path: 'log.csv: row 1',
          message: 'no column "message" for title; the header has time, title',
        },
      ],
    });
  });

  it('imports the fixture with the guessed mapping: 7 events in UTC, the ticket kept', () => {
    const table = guessMapping(fixture.split('\n')[0]!.split(','));
    const imported = loaded(importGenericCsv(fixture, 'generic.csv', table as ColumnMapping));
    expect(imported.events).toHaveLength(7);
    expect(imported.events[0]).toMatchObject({
      start: '2024-07-01T06:14:00Z',
      title: 'Deploy key added to the build server',
      extra: { Ticket: 'INC-1042' },
    });
    expect(imported.events.map((e) => e.outcome)).toEqual([
      'succeeded',
      'succeeded',
      'succeeded',
      'failed',
      'succeeded',
      'succeeded',
      'unknown',
    ]);
    expect(imported.actors.map((a) => [a.label, a.kind])).toEqual([
      ['svc-deploy', 'adversary'],
      ['SOC analyst', 'defender'],
    ]);
  });
});
