import { describe, expect, it } from 'vitest';
import { exportMarkdown, markdownCell } from './markdown';
import { AWKWARD_TITLE, sampleIncident } from './sample-incident';

const incident = sampleIncident();

/** Reads a GFM table row back: split on unescaped pipes, then undo the escapes (as cmark-gfm does). */
function cells(row: string): string[] {
  const inner = row.replace(/^\| /, '').replace(/ \|$/, '');
  const parts = inner.match(/(?:\\.|[^|\\])+/g) ?? [];
  return parts.map((p) => p.trim().replace(/<br>/g, '\n').replace(/\\(.)/g, '$1'));
}

const tableRows = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| ---'))
    .slice(1);

describe('exportMarkdown', () => {
  it('opens with a heading naming the incident and saying times are UTC', () => {
    expect(exportMarkdown(incident, incident.events, 'en').split('\n')[0]).toBe(
      '## Example incident: timeline (All times UTC)',
    );
  });

  it('has one row per given event: UTC time at its precision, title, phase, actor, systems, outcome', () => {
    const rows = tableRows(exportMarkdown(incident, incident.events, 'en')).map(cells);
    expect(rows).toEqual([
      ['2024-01-01 10:00', 'First login', 'Access', 'Attacker', 'VPN', 'succeeded'],
      ['2024-01-02', 'Second login', 'Access', 'Attacker', 'VPN', 'failed'],
      [
        '2024-01-03 12:00 – 2024-01-03 14:30',
        AWKWARD_TITLE,
        'Exfiltration',
        'Attacker',
        'VPN, File server',
        'unknown',
      ],
    ]);
  });

  it('keeps a title with pipes and line breaks inside its cell', () => {
    const row = tableRows(exportMarkdown(incident, incident.events, 'en'))[2]!;
    expect(row).not.toContain('\n');
    expect(cells(row)).toHaveLength(6);
  });

  it('writes labels in the chosen language', () => {
    const [, , exfil] = tableRows(exportMarkdown(incident, incident.events, 'zh-Hant')).map(cells);
    expect(exfil!.slice(1, 5)).toEqual(['資料外洩', '資料外洩', 'Attacker', 'VPN, 檔案伺服器']);
  });

  it('has a header and no rows when no event is given', () => {
    expect(
      exportMarkdown(incident, [], 'en')
        .split('\n')
        .filter((l) => l.startsWith('|')),
    ).toHaveLength(2);
  });
});

describe('markdownCell', () => {
  it.each([
    ['a | b', 'a \\| b'],
    ['C:\\Temp', 'C:\\\\Temp'],
    ['a\\|b', 'a\\\\\\|b'],
    ['one\r\ntwo\nthree', 'one<br>two<br>three'],
    ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)\\>'],
  ])('%j -> %j', (text, cell) => {
    expect(markdownCell(text)).toBe(cell);
  });
});
