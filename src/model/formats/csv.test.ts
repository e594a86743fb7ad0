import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../incident';
import { localize } from '../text';
import { CSV_COLUMNS, exportCsv } from './csv';
import { detectFormat, importFile } from './index';
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

describe('the app CSV read back', () => {
  const back = (text: string) => importFile('timeline.csv', text);

  it('opens without a mapping step, with its ids, times, precision, ends, texts, systems and techniques', () => {
    const text = exportCsv(incident, incident.events, 'en');
    expect(detectFormat('timeline.csv', text)).toBe('app-csv');
    const r = back(text);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const fields = (list: readonly TimelineEvent[], systemName: (id: string) => string) =>
      list.map((e) => ({
        id: e.id,
        start: e.start,
        end: e.end,
        precision: e.precision,
        title: localize(e.title, 'en'),
        outcome: e.outcome,
        techniques: e.techniques,
        systems: e.systems.map(systemName),
      }));
    const label = (inc: typeof incident) => (id: string) =>
      localize(inc.systems.find((s) => s.id === id)!.label, 'en');
    expect(fields(r.incident.events, label(r.incident))).toEqual(
      fields(incident.events, label(incident)),
    );
  });

  it('opens again when a spreadsheet saved it with semicolons', () => {
    const parsed = Papa.parse<string[]>(exportCsv(incident, incident.events, 'en').slice(1));
    const text = Papa.unparse(parsed.data, { delimiter: ';' });
    expect(detectFormat('timeline.csv', text)).toBe('app-csv');
    const r = back(text);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.incident.events.map((e) => [e.id, e.precision])).toEqual(
      incident.events.map((e) => [e.id, e.precision]),
    );
  });

  it('names a precision it does not know, and one that the time is not at the start of', () => {
    const text = exportCsv(incident, incident.events, 'en');
    const problems = (edit: (t: string) => string) => {
      const r = back(edit(text));
      return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
    };
    expect(problems((t) => t.replace(',day,', ',days,'))).toEqual([
      'timeline.csv: row 3, column precision: "days" is not a precision; expected second, minute, hour, day or month',
    ]);
    expect(problems((t) => t.replace(',minute,', ',day,'))).toEqual([
      'timeline.csv: row 2, column precision: the time is not at the start of its day, as the precision column says it is known to',
    ]);
  });
});
