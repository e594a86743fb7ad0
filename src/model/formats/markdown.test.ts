import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { parseIncident } from '../incident';
import { minimalIncident } from '../test-incident';
import { exportMarkdown, markdownCell } from './markdown';
import { AWKWARD_TITLE, sampleIncident } from './sample-incident';
import { CHINESE_TABLE, ENGLISH_TABLE } from './table-words.test-helper';

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

// GitHub-flavoured Markdown, as a wiki would render a pasted export: tables and bare-URL autolinks on.
const render = (markdown: string) => marked.parse(markdown, { gfm: true, async: false });

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
/** The inner HTML of each element with the given tag. */
const elements = (html: string, tag: string) =>
  [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map(([, inner]) => inner!);
/** The text a reader sees in an element's inner HTML, line breaks as "\n". */
const readText = (inner: string) =>
  inner
    .replace(/<br>/g, '\n')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name]!);
/** The text of each rendered table body row, cell by cell. */
const renderedRows = (html: string) =>
  elements(html, 'tr')
    .slice(1)
    .map((row) => elements(row, 'td').map(readText));

const HOSTILE = [
  '[Verify](javascript:alert(1)) ![](https://evil.example/p.png)',
  '<https://evil.example/auto> <javascript:alert(1)> <a@evil.example>',
  'www.evil.example/x https://evil.example/y ftp://evil.example a@evil.example mailto:a@evil.example',
  '[ref][x] [x]: https://evil.example/def',
  '<img src=x onerror=alert(1)> <a href="https://evil.example">x</a> <script>alert(1)</script>',
  '&lt;img src=x&gt; &#60;a&#62; &amp; **bold** _em_ `code` ~~gone~~ ==mark== \\| | C:\\Temp\\',
  'line one\n[two](https://evil.example)\r\n# three',
];

function hostileIncident() {
  const file = minimalIncident();
  file.title = `${HOSTILE[0]} ## closing ##`;
  file.phases[0]!.label = HOSTILE[4]!;
  file.actors[0]!.label = HOSTILE[2]!;
  file.systems.push({ id: 'wiki', label: HOSTILE[1]!, kind: 'saas', ownership: 'third-party' });
  file.events = HOSTILE.map((title, i) => ({
    ...file.events[0]!,
    id: `event-${i}`,
    start: `2024-01-0${i + 1}T10:00:00Z`,
    title,
    systems: ['vpn', 'wiki'],
  }));
  const parsed = parseIncident(file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.incident;
}

describe('exportMarkdown', () => {
  it('opens with a heading naming the incident and saying times are UTC', () => {
    expect(exportMarkdown(incident, incident.events, 'en', ENGLISH_TABLE).split('\n')[0]).toBe(
      '## Example incident: timeline (All times UTC)',
    );
  });

  it('has one row per given event: UTC time at its precision, title, phase, actor, systems, outcome', () => {
    const rows = tableRows(exportMarkdown(incident, incident.events, 'en', ENGLISH_TABLE)).map(
      cells,
    );
    expect(rows).toEqual([
      ['2024-01-01 10:00', 'First login', 'Access', 'Attacker', 'VPN', 'Succeeded'],
      ['2024-01-02', 'Second login', 'Access', 'Attacker', 'VPN', 'Failed'],
      [
        '2024-01-03 12:00 – 2024-01-03 14:30',
        AWKWARD_TITLE,
        'Exfiltration',
        'Attacker',
        'VPN, File server',
        'Unknown',
      ],
    ]);
  });

  it('keeps a title with pipes and line breaks inside its cell', () => {
    const row = tableRows(exportMarkdown(incident, incident.events, 'en', ENGLISH_TABLE))[2]!;
    expect(row).not.toContain('\n');
    expect(cells(row)).toHaveLength(6);
  });

  it('writes labels, its heading, its columns and the outcomes in the chosen language', () => {
    const text = exportMarkdown(incident, incident.events, 'zh-Hant', CHINESE_TABLE);
    const [, , exfil] = tableRows(text).map(cells);
    expect(exfil!.slice(1, 6)).toEqual([
      '資料外洩',
      '資料外洩',
      'Attacker',
      'VPN, 檔案伺服器',
      '不明',
    ]);
    const [heading, , header] = text.split('\n');
    expect(heading).toBe('## 範例事件:時間軸(所有時間均為 UTC)');
    expect(header).toBe('| 時間 (UTC) | 事件 | 階段 | 行為者 | 系統 | 結果 |');
  });

  it('has a header and no rows when no event is given', () => {
    expect(
      exportMarkdown(incident, [], 'en', ENGLISH_TABLE)
        .split('\n')
        .filter((l) => l.startsWith('|')),
    ).toHaveLength(2);
  });
});

describe('exportMarkdown rendered as GitHub-flavoured Markdown', () => {
  const hostile = hostileIncident();
  const html = render(exportMarkdown(hostile, hostile.events, 'en', ENGLISH_TABLE));

  it('makes no link, image or other markup from hostile text', () => {
    expect(html).not.toMatch(/<a[\s>]/);
    expect(html).not.toMatch(/<img/);
    const tags = new Set([...html.matchAll(/<\/?([a-z0-9]+)/g)].map(([, tag]) => tag));
    expect([...tags].sort()).toEqual(['br', 'h2', 'table', 'tbody', 'td', 'th', 'thead', 'tr']);
  });

  it('shows hostile text exactly as written, one cell each', () => {
    const rows = renderedRows(html);
    expect(rows.map((r) => r[1])).toEqual(HOSTILE.map((t) => t.replace(/\r\n/g, '\n')));
    expect(rows.every((r) => r.length === 6)).toBe(true);
    expect(rows[0]!.slice(2)).toEqual([HOSTILE[4], HOSTILE[2], `VPN, ${HOSTILE[1]}`, 'Succeeded']);
    expect(elements(html, 'h2').map(readText)).toEqual([
      `${HOSTILE[0]} ## closing ##: timeline (All times UTC)`,
    ]);
  });

  it('reads ordinary text the same as before it was escaped', () => {
    const rendered = render(exportMarkdown(incident, incident.events, 'en', ENGLISH_TABLE));
    const rows = renderedRows(rendered);
    expect(rows[0]).toEqual([
      '2024-01-01 10:00',
      'First login',
      'Access',
      'Attacker',
      'VPN',
      'Succeeded',
    ]);
    expect(rows[2]![1]).toBe(AWKWARD_TITLE);
    expect(elements(rendered, 'h2').map(readText)).toEqual([
      'Example incident: timeline (All times UTC)',
    ]);
  });
});

describe('markdownCell', () => {
  it.each([
    ['a | b', 'a \\| b'],
    ['C:\\Temp', 'C\\:\\\\Temp'],
    ['a\\|b', 'a\\\\\\|b'],
    ['one\r\ntwo\nthree', 'one<br>two<br>three'],
    ['<img src=x onerror=alert(1)>', '\\<img src\\=x onerror\\=alert\\(1\\)\\>'],
    ['[x](https://e.example)', '\\[x\\]\\(https\\:\\/\\/e\\.example\\)'],
    ['www.e.example', 'www\\.e\\.example'],
    ['plain words 中文', 'plain words 中文'],
  ])('%j -> %j', (text, cell) => {
    expect(markdownCell(text)).toBe(cell);
  });
});
