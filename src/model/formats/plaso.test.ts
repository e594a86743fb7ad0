import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParseResult } from '../incident';
import { detectFormat, groupsRows, importFile } from './index';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../data/fixtures/import/${name}`, import.meta.url), 'utf8');

function incident(result: ParseResult) {
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.incident;
}

describe('forensic CSVs, read without a mapping step', () => {
  it.each([
    ['plaso-l2tcsv.csv', 'plaso-l2tcsv'],
    ['plaso-dynamic.csv', 'plaso-dynamic'],
    ['velociraptor-evtx.csv', 'forensic-csv'],
    ['responder-spreadsheet.csv', 'generic-csv'],
  ])('%s is %s', (name, format) => {
    expect(detectFormat(name, fixture(name))).toBe(format);
  });

  it('offers grouping rows for the forensic formats, which have no mapping step to ask in', () => {
    const offered = ['plaso-l2tcsv.csv', 'plaso-dynamic.csv', 'velociraptor-evtx.csv'];
    for (const name of offered) expect(groupsRows(name, fixture(name))).toBe(true);
    expect(groupsRows('sheet.csv', fixture('responder-spreadsheet.csv'))).toBe(false);
    expect(groupsRows('x.json', '{"schemaVersion": "1.0"}')).toBe(false);
  });

  it('reads l2tcsv dates as month/day in the timezone column, short as title, host and user', () => {
    const { events, systems } = incident(importFile('l2t.csv', fixture('plaso-l2tcsv.csv')));
    expect(events).toHaveLength(30);
    expect(events[0]).toMatchObject({
      start: '2024-03-04T08:15:02Z',
      precision: 'second',
      title: 'NTFS:\\Users\\jlin\\Downloads\\invoice.xlsm',
      description: 'C:/Users/jlin/Downloads/invoice.xlsm',
      systems: ['ws-fin-022'],
      extra: { MACB: '.A..', source: 'FILE', sourcetype: 'NTFS $MFT', format: 'mft' },
    });
    expect(events.at(-1)!.start).toBe('2024-03-05T11:52:42Z');
    expect(systems.map((s) => s.label)).toEqual(['WS-FIN-022', 'WS-FIN-031', 'WS-HR-004', 'DC-01']);
  });

  it('reads a dynamic CSV: datetime with its offset, message as title, the sub-second text kept', () => {
    const { events } = incident(importFile('dyn.csv', fixture('plaso-dynamic.csv')));
    expect(events).toHaveLength(30);
    expect(events[1]).toMatchObject({
      start: '2024-03-04T08:15:43Z',
      title: 'https://mail.example.com/attachment/invoice.xlsm',
      extra: { datetime: '2024-03-04T08:15:43.324679+00:00', source_long: 'Chrome History' },
    });
  });

  it.each([
    ['l2tcsv in a named zone', 'l2tcsv', '07/01/2024,16:15:02,Asia/Taipei', '2024-07-01T08:15:02Z'],
    [
      'l2tcsv in summer time',
      'l2tcsv',
      '07/01/2024,10:15:02,Europe/Berlin',
      '2024-07-01T08:15:02Z',
    ],
    ['l2tcsv day above 12', 'l2tcsv', '12/31/2024,23:59:59,UTC', '2024-12-31T23:59:59Z'],
    ['dynamic with an offset', 'dynamic', '2024-07-01T16:15:02.5+08:00', '2024-07-01T08:15:02Z'],
  ])('reads the time of %s', (_, kind, when, start) => {
    const l2t = `${when},.A..,FILE,NTFS $MFT,Creation Time,-,WS1,a.exe,C:/a.exe,2,img,-,-,mft,-`;
    const text =
      kind === 'l2tcsv'
        ? `${fixture('plaso-l2tcsv.csv').split('\n')[0]}\n${l2t}\n`
        : `datetime,timestamp_desc,source,source_long,message,parser,display_name,tag\n${when},Creation Time,FILE,NTFS $MFT,a.exe,mft,WS1,-\n`;
    expect(incident(importFile('t.csv', text)).events[0]!.start).toBe(start);
  });

  it('reads a Velociraptor CSV with its ISO times, computers as systems', () => {
    const { events } = incident(importFile('v.csv', fixture('velociraptor-evtx.csv')));
    expect(events).toHaveLength(10);
    expect(events[0]).toMatchObject({
      start: '2024-03-04T08:19:40Z',
      systems: ['ws-fin-022-corp-example'],
      extra: { EventID: '4104', _Source: 'Windows.EventLogs.EvtxHunter' },
    });
  });

  it('groups rows with the same time and host when asked', () => {
    const text =
      'datetime,timestamp_desc,source,source_long,message,parser,display_name,tag\n' +
      '2024-03-04T08:15:02+00:00,Creation Time,FILE,NTFS $MFT,a.exe,mft,img1,-\n' +
      '2024-03-04T08:15:02+00:00,Last Access Time,FILE,NTFS $MFT,a.exe,mft,img1,-\n' +
      '2024-03-04T08:15:02+00:00,Creation Time,FILE,NTFS $MFT,b.exe,mft,img2,-\n';
    const grouped = incident(
      importFile('g.csv', text, { time: '', title: '', groupSameTime: true }),
    );
    expect(grouped.events.map((e) => e.title)).toEqual(['a.exe (+1)', 'b.exe']);
    expect(incident(importFile('g.csv', text)).events).toHaveLength(3);
  });
});
