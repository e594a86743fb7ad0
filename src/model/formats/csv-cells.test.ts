import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readCsv, readCsvHeaders, writeCsv } from './csv-cells';

/** The cell as a spreadsheet would receive it: parsed by a plain RFC 4180 reader, no guard undone. */
const written = (cell: string) => Papa.parse<string[]>(writeCsv(['a'], [[cell]])).data[1]![0];

const read = (text: string) => {
  const table = readCsv(text, 'in.csv');
  if (!table.ok) throw new Error(JSON.stringify(table.problems));
  return table;
};

describe('writeCsv formula guard', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+1 555 0100', "'+1 555 0100"],
    ['-2', "'-2"],
    ['@cmd', "'@cmd"],
    ['\tindented', "'\tindented"],
    ['\rline', "'\rline"],
    ['=1\n=2', "'=1\n=2"],
    ["'=already quoted", "''=already quoted"],
    ['plain text', 'plain text'],
    ["it's fine", "it's fine"],
    ['a = b', 'a = b'],
  ])('%j reaches the spreadsheet as %j', (cell, expected) => {
    expect(written(cell)).toBe(expected);
  });

  it('leaves numbers alone, so a negative number stays a number', () => {
    expect(writeCsv(['n'], [[-5]])).toBe('n\r\n-5');
  });

  it('quotes per RFC 4180 with CRLF between records', () => {
    expect(writeCsv(['a', 'b'], [['x, "y"', 'line\nbreak']])).toBe(
      'a,b\r\n"x, ""y""","line\nbreak"',
    );
  });
});

describe('readCsv', () => {
  it('gives back every non-blank cell that writeCsv wrote, guard undone', () => {
    const text = fc.string({
      unit: fc.constantFrom(
        'a',
        'Z',
        '字',
        ' ',
        ',',
        ';',
        '"',
        "'",
        '=',
        '+',
        '-',
        '@',
        '\t',
        '\r',
        '\n',
        '|',
      ),
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 6 }), (rows) => {
        const back = readCsv(writeCsv(['first', 'second'], rows), 'in.csv');
        if (!back.ok) return false;
        const expected = rows
          .map(([a, b]) =>
            Object.fromEntries(
              [
                ['first', a],
                ['second', b],
              ].filter(([, v]) => v!.trim() !== ''),
            ),
          )
          .filter((cells) => Object.keys(cells).length > 0);
        expect(back.records.map((r) => r.cells)).toEqual(expected);
        return true;
      }),
    );
  });

  it('numbers rows as a spreadsheet does, skipping blank lines but counting them', () => {
    const table = read('t,m\n1,a\n\n2,"b\nc"\n3,d\n');
    expect(table.records.map((r) => [r.row, r.cells.m])).toEqual([
      [2, 'a'],
      [4, 'b\nc'],
      [5, 'd'],
    ]);
  });

  it('guesses a semicolon or tab delimiter', () => {
    expect(read('time;title\n2024-01-01;x').records[0]!.cells).toEqual({
      time: '2024-01-01',
      title: 'x',
    });
    expect(read('time\ttitle\n2024-01-01\tx').records[0]!.cells).toEqual({
      time: '2024-01-01',
      title: 'x',
    });
  });

  it('names blank header cells by position', () => {
    expect(read('time,,title\n1,2,3').headers).toEqual(['time', 'column 2', 'title']);
  });

  it.each([
    ['', 'in.csv: row 1', /empty/],
    ['a,a\n1,2', 'in.csv: row 1', /column "a" appears twice/],
    ['a,b\n1,2\n1,2,3', 'in.csv: row 3', /3 cells, but the header names 2 columns/],
    ['a,b\n1,"open', 'in.csv: row 2', /quote/i],
  ])('reports %j at %s', (text, path, message) => {
    const table = readCsv(text, 'in.csv');
    expect(table.ok).toBe(false);
    if (!table.ok)
      expect(table.problems[0]).toMatchObject({ path, message: expect.stringMatching(message) });
  });

  it('lists at most 100 problems of a file full of them, then how many more', () => {
    const table = readCsv(`a,b\n${'1,2,3\n'.repeat(5000)}`, 'in.csv');
    const problems = table.ok ? [] : table.problems;
    expect(problems).toHaveLength(101);
    expect(problems.at(-1)).toEqual({
      path: 'in.csv',
      message: 'and 4,900 more of the same kinds',
      more: 4900,
      code: 'more-same',
      params: { more: 4900 },
    });
  });

  it('reads columns named after Object methods as plain columns', () => {
    const [full, empty] = read('__proto__,constructor,x\n1,2,3\n,,4').records;
    expect(Object.entries(full!.cells)).toEqual([
      ['__proto__', '1'],
      ['constructor', '2'],
      ['x', '3'],
    ]);
    expect(empty!.cells.constructor).toBeUndefined();
  });

  it('accepts a short row: missing trailing cells are empty', () => {
    expect(read('a,b,c\n1').records[0]!.cells).toEqual({ a: '1' });
  });
});

describe('readCsvHeaders', () => {
  it('reads only the header row', () => {
    expect(readCsvHeaders('\uFEFFmessage,datetime\n"unclosed')).toEqual(['message', 'datetime']);
  });
});
