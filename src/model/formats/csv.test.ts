import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, exportCsv } from './csv';
import { AWKWARD_TITLE, sampleIncident } from './sample-incident';

const incident = sampleIncident();

/** Parsed as a spreadsheet would: no formula guard undone. */
function rows(text: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
  return parsed.data;
}

describe('exportCsv', () => {
  it('has one row per given event with its fields, in the given order', () => {
    const events = incident.events.slice(1);
    expect(
      rows(exportCsv(incident, events, 'en')).map((r) => [
        r.id,
        r.start,
        r.end,
        r.precision,
        r.outcome,
      ]),
    ).toEqual([
      ['second-login', '2024-01-02T00:00:00Z', '', 'day', 'failed'],
      ['exfil', '2024-01-03T12:00:00Z', '2024-01-03T14:30:00Z', 'minute', 'unknown'],
    ]);
  });

  it('writes labels, lists, the inference reason and the cited place', () => {
    const exfil = rows(exportCsv(incident, incident.events, 'en'))[2]!;
    expect(exfil).toMatchObject({
      description: 'Files leave, "quoted", with, commas.',
      phase: 'Exfiltration',
      actor: 'Attacker',
      action: 'Upload',
      systems: 'VPN; File server',
      techniques: 'T1048; T1078; T1078.004',
      inferred: 'From firewall byte counts.',
      'source locator': 'Postmortem: Exfiltration',
    });
  });

  it('turns a title a spreadsheet would run as a formula into text, and keeps the rest of it intact', () => {
    const exfil = rows(exportCsv(incident, incident.events, 'en'))[2]!;
    expect(exfil.title).toBe(`'${AWKWARD_TITLE}`);
  });

  it('writes text in the chosen language', () => {
    const exfil = rows(exportCsv(incident, incident.events, 'zh-Hant'))[2]!;
    expect([exfil.title, exfil.phase, exfil.systems]).toEqual([
      '資料外洩',
      '資料外洩',
      'VPN; 檔案伺服器',
    ]);
  });

  it('starts with a byte-order mark so Excel reads it as UTF-8, and ends records with CRLF', () => {
    const text = exportCsv(incident, incident.events.slice(0, 1), 'en');
    expect(text.startsWith('\uFEFFid,start,end,')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(2);
  });
});
