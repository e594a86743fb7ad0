import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { previewRows, readColumnsToMap, timeQuestions } from './mapping-step';

const spreadsheet = readFileSync(
  new URL('../../../data/fixtures/import/responder-spreadsheet.csv', import.meta.url),
  'utf8',
);

describe('the mapping step', () => {
  const columns = readColumnsToMap(spreadsheet, 'sheet.csv')!;

  it('lists the distinct actors and the first rows', () => {
    expect(columns.distinct.Actor).toEqual([
      'Threat actor',
      'IR Team',
      'IT Helpdesk',
      'Legal',
      'Forensics vendor',
    ]);
    expect(columns.sample.map((s) => s.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(columns.many).toEqual([]);
  });

  it('previews rows in UTC at their precision, with lanes and sides, following the choices', () => {
    const rows = previewRows(columns, {
      ...columns.guess,
      actorKinds: { 'IR Team': 'third-party' },
    });
    expect(rows[0]).toEqual({
      row: 2,
      time: { ok: true, text: '2024-03-04 08:12:33', precision: 'second' },
      title: 'Phishing email with invoice.xlsm delivered to finance staff',
      lane: 'WS-FIN-022',
      side: 'adversary',
    });
    expect(rows[4]!.side).toBe('third-party');
    expect(rows[5]!.side).toBe('defender');
    const taipei = previewRows(columns, { ...columns.guess, zone: '+08:00' });
    expect(taipei[0]!.time).toMatchObject({ text: '2024-03-04 00:12:33' });
  });

  it('asks for the zone and the date order only when the file does not say', () => {
    expect(timeQuestions(columns, columns.guess)).toEqual({
      headerZone: 'UTC',
      askOrder: false,
      detectedOrder: undefined,
    });
    const slashed = readColumnsToMap(
      'When,What\n03/04/2024 10:00,a\n04/05/2024 11:00,b\n',
      'x.csv',
    )!;
    const choices = { time: 'When', title: 'What' };
    expect(timeQuestions(slashed, choices)).toMatchObject({
      headerZone: undefined,
      askOrder: true,
    });
    expect(previewRows(slashed, choices)[0]!.time).toMatchObject({
      ok: false,
      message: expect.stringMatching(/choose the date order/),
    });
    // The UI says it in its language from the code.
    expect(previewRows(slashed, choices)[0]!.time).toMatchObject({
      code: 'date-order-unknown',
      params: { text: '03/04/2024 10:00' },
    });
  });
});

describe('the mapping step with columns named like Object’s own properties', () => {
  const hostile = [
    'Time,Title,constructor,toString,__proto__',
    '2024-07-01T08:14:00Z,Key added,web01,a,b',
    '2024-07-01T09:14:00Z,Key used,,toString,constructor',
  ].join('\n');
  // The worker hands the columns over by structured clone, which gives every record a prototype again.
  const columns = structuredClone(readColumnsToMap(hostile, 'proto.csv')!);

  it('previews an empty "constructor" cell as empty, whatever columns and values are chosen', () => {
    const rows = previewRows(columns, {
      time: 'Time',
      title: 'constructor',
      system: 'constructor',
      actor: 'toString',
    });
    expect(rows.map((r) => [r.title, r.lane, r.side])).toEqual([
      ['web01', 'web01', 'adversary'],
      ['', '', 'adversary'],
    ]);
  });

  it('asks the date order of a "__proto__" column of slashed dates the data leaves open', () => {
    const dates = readColumnsToMap('__proto__,Title\n03/04/2024,One\n05/06/2024,Two\n', 'p.csv')!;
    expect(timeQuestions(structuredClone(dates), { time: '__proto__' }).askOrder).toBe(true);
    expect(timeQuestions(columns, { time: 'toString' }).askOrder).toBe(false);
  });
});
