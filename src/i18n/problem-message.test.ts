import { describe, expect, it } from 'vitest';
import { parseIncident } from '../model/incident';
import { importFile } from '../model/formats';
import { decodeIncidentFile } from '../model/incident-file';
import { englishProblems, type ProblemCode, type ProblemDetail } from '../model/problem-codes';
import { minimalIncident } from '../model/test-incident';
import { en } from './en';
import { problemMessage } from './problem-message';
import { zhHant } from './zh-hant';

// One problem of every code, with values of the kinds a file gives.
const SAMPLES: ProblemDetail[] = [
  { code: 'id-shape', params: {} },
  { code: 'text-required', params: {} },
  { code: 'text-map', params: {} },
  { code: 'text-shape', params: {} },
  { code: 'language-tag-shape', params: {} },
  { code: 'language-needed', params: {} },
  { code: 'language-tags-known', params: {} },
  { code: 'language-tag-known', params: {} },
  { code: 'utc-time', params: {} },
  { code: 'calendar-time', params: {} },
  { code: 'http-url', params: {} },
  { code: 'colour', params: {} },
  { code: 'technique-id', params: {} },
  { code: 'sha256', params: {} },
  { code: 'required', params: { expected: 'string' } },
  { code: 'expected-string', params: {} },
  { code: 'duplicate-id', params: { id: 'login', list: 'events' } },
  { code: 'unknown-id', params: { id: 'recon', list: 'phases' } },
  { code: 'listed-twice', params: { item: 'okta', list: 'systems', at: 0 } },
  { code: 'link-listed-twice', params: { kind: 'led-to', event: 'b', list: 'related', at: 1 } },
  {
    code: 'too-precise',
    params: { field: 'end', time: '2024-01-01T10:30:00Z', precision: 'hour' },
  },
  { code: 'end-before-start', params: { end: '2024-01-01T09:00:00Z', start: '2024-01-02' } },
  { code: 'causal-cycle', params: { ids: ['a', 'b', 'a'] } },
  { code: 'file-too-large', params: { size: 3 * 1024 * 1024, limit: 2 * 1024 * 1024 } },
  { code: 'not-utf8', params: { expected: 'JSON or CSV' } },
  { code: 'file-empty', params: {} },
  { code: 'too-deep', params: { max: 64 } },
  { code: 'not-json', params: { detail: 'Unexpected end of JSON input' } },
  { code: 'more-same', params: { more: 2901 } },
  { code: 'more-kinds', params: { more: 1500, kinds: 3 } },
  { code: 'csv-syntax', params: { detail: 'Quoted field unterminated' } },
  { code: 'csv-no-header', params: {} },
  { code: 'column-twice', params: { column: 'Time' } },
  { code: 'cells-beyond-header', params: { cells: 3, columns: 2 } },
  { code: 'mixed-time-formats', params: { shapes: ['iso', 'slashed'], rows: [2, 3] } },
  { code: 'not-a-zone', params: { zone: 'Mars/Olympus' } },
  { code: 'date-order-conflict', params: {} },
  { code: 'no-column-for', params: { column: 'message', field: 'title', headers: ['time'] } },
  { code: 'choose-time-title', params: {} },
  { code: 'no-events', params: {} },
  { code: 'time-required', params: { others: ['timestamp'] } },
  { code: 'import-end-before-start', params: {} },
  { code: 'title-required', params: {} },
  { code: 'not-an-outcome', params: { value: 'maybe' } },
  { code: 'not-a-precision', params: { value: 'days' } },
  { code: 'precision-not-aligned', params: { precision: 'day' } },
  { code: 'no-technique-id', params: { value: 'Valid Accounts' } },
  {
    code: 'in-rows',
    params: { problem: { code: 'time-range', params: {} }, word: 'row', row: '4' },
  },
  { code: 'timesketch-columns', params: { headers: ['message', 'timestamp_desc'] } },
  { code: 'jsonl-object', params: {} },
  { code: 'time-range', params: {} },
  { code: 'time-needs-zone', params: { text: '2024-03-04 08:12' } },
  { code: 'date-order-unknown', params: { text: '03/04/2024' } },
  { code: 'not-a-time', params: { text: 'soon' } },
  { code: 'not-calendar-date', params: { text: '2024-02-30' } },
  { code: 'offset-time', params: {} },
  { code: 'l2t-zone', params: { zone: 'Mars' } },
  { code: 'timesketch-datetime', params: {} },
  { code: 'timesketch-microseconds', params: {} },
  { code: 'time-years', params: {} },
  {
    code: 'containment-before-last-activity',
    params: { containment: '2024-03-01 21:31', last: '2024-03-02 08:00', lastId: 'exfil' },
  },
  { code: 'live-indicator', params: { value: '203.0.113.7', id: 'c2', defanged: '203.0.113[.]7' } },
];

const problemOf = (detail: ProblemDetail) => ({
  path: 'events[3].phase',
  message: (englishProblems[detail.code] as (p: unknown) => string)(detail.params),
  ...detail,
});
const HAN = /\p{Script=Han}/u;

describe('problem messages', () => {
  it('has a sample of every code, and every code in both catalogs', () => {
    const codes = Object.keys(englishProblems).sort();
    expect(SAMPLES.map((s) => s.code).sort()).toEqual(codes);
    expect(Object.keys(en.problems).sort()).toEqual(codes);
    expect(Object.keys(zhHant.problems).sort()).toEqual(codes);
  });

  it.each(SAMPLES)('says $code in English as its message, and in Chinese', (detail) => {
    const problem = problemOf(detail);
    expect(problemMessage(problem, en)).toBe(problem.message);
    const zh = problemMessage(problem, zhHant);
    expect(zh).toMatch(HAN);
    expect(zh).not.toMatch(/undefined|NaN|\[object/);
  });

  it.each<[ProblemCode, string]>([
    ['unknown-id', '未知的階段編號「recon」:應為階段清單中的編號之一'],
    ['duplicate-id', '事件中有重複的編號「login」'],
    ['listed-twice', '「okta」列出了兩次(第一次在 systems[0]):每一項只應列出一次'],
    ['too-precise', '結束時間「2024-01-01T10:30:00Z」比其精確度「hour」所允許的更詳細'],
    ['end-before-start', '結束時間「2024-01-01T09:00:00Z」早於開始時間「2024-01-02」'],
    ['causal-cycle', 'led-to 與 enabled 連結構成循環:「a」 → 「b」 → 「a」;任何事件都不應導致自身'],
    ['file-too-large', '檔案大小為 3.0 MiB,上限為 2.0 MiB'],
    ['not-utf8', '檔案不是有效的 UTF-8 文字:應為以 UTF-8 編碼的 JSON 或 CSV'],
    ['too-deep', 'JSON 的巢狀層數超過 64 層'],
    ['not-json', '不是有效的 JSON:Unexpected end of JSON input'],
    ['more-kinds', '以及另外 1,500 個問題,屬於以上類別及其他 3 類'],
    ['column-twice', '欄位「Time」出現了兩次:欄位名稱應各不相同'],
    [
      'mixed-time-formats',
      '混用了多種時間格式:年-月-日(例如第 2 列)、以斜線分隔的日期(例如第 3 列);同一欄應只用一種格式',
    ],
    ['no-column-for', '沒有欄位「message」可作為標題:標題列有 time'],
    ['time-required', '必填(或填 timestamp)'],
    ['in-rows', '應為 1970 至 2100 年間的時間,例如第 4 列'],
    [
      'containment-before-last-activity',
      '遏制里程碑(2024-03-01 21:31 UTC)早於最後威脅活動(events[id=exfil],2024-03-02 08:00 UTC):遏制不會早於它所阻止的最後威脅活動;里程碑應標在結束存取的事件上',
    ],
    [
      'live-indicator',
      '直接寫出了指標「203.0.113.7」(indicators[id=c2]):應寫成去武裝形式「203.0.113[.]7」',
    ],
    [
      'timesketch-columns',
      '應有 message 與 datetime(或 timestamp)欄位:標題列有 message, timestamp_desc',
    ],
  ])('fills in the values of %s in Chinese', (code, text) => {
    const detail = SAMPLES.find((s) => s.code === code)!;
    expect(problemMessage(problemOf(detail), zhHant)).toBe(text);
  });

  it('shows a message without a code as it is, in any language', () => {
    const zod = { path: 'summary', message: 'Invalid input: expected string, received number' };
    expect(problemMessage(zod, zhHant)).toBe(zod.message);
  });

  it("says a checked file's problems in Chinese after a worker's postMessage", () => {
    const file = minimalIncident();
    file.events[0]!.phase = 'recon';
    const parsed = parseIncident(file);
    const bad = decodeIncidentFile('{"title":', 'broken.json', parseIncident);
    const problems = [...(parsed.ok ? [] : parsed.problems), ...(bad.ok ? [] : bad.problems)];
    expect(structuredClone(problems).map((p) => problemMessage(p, zhHant))).toEqual([
      '未知的階段編號「recon」:應為階段清單中的編號之一',
      expect.stringMatching(/^不是有效的 JSON:\S/),
    ]);
  });
});

describe("an imported file's problems", () => {
  it.each([
    ['a CSV', () => importFile('log.csv', 'Time,Event\n1969-07-20T20:17Z,a\n2024-02-30 10:00,b')],
    ['a Timesketch CSV', () => importFile('ts.csv', 'message,timestamp_desc\nx,Event Time')],
    ['Timesketch JSONL', () => importFile('ts.jsonl', '{"message":"x","datetime":"soon"}')],
  ])('of %s are said in Chinese after a worker’s postMessage, in English as made', (_, open) => {
    const result = open();
    const problems = structuredClone(result.ok ? [] : result.problems);
    expect(problems).not.toEqual([]);
    for (const p of problems) {
      expect(problemMessage(p, en)).toBe(p.message);
      expect(problemMessage(p, zhHant)).toMatch(HAN);
    }
  });
});
