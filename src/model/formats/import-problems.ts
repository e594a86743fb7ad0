// One line per kind of problem in an imported file: "23 rows: … e.g. row 4" instead of the same message 23 times.
import { formatCount } from '../format-count';
import type { Problem } from '../incident';
import { problemText, type ProblemDetail } from '../problem-codes';

const AT = /^(.*): (row|line) (\d+), (.+)$/;

/**
 * Problems of records (`file: row 7, column Time`) with the same column and message, the quoted value left out,
 * become one, counting the rows and quoting the first; problems of one row, or of no row, stay as they are.
 */
export function groupProblems(problems: readonly Problem[]): Problem[] {
  const groups = new Map<string, { first: Problem; file: string; word: string; rows: string[] }>();
  const out: (Problem | string)[] = [];
  for (const p of problems) {
    const m = AT.exec(p.path);
    if (!m) {
      out.push(p);
      continue;
    }
    const [, file, word, row, cell] = m as unknown as [string, string, string, string, string];
    const key = `${file}\n${word}\n${cell}\n${p.message.replace(/"[^"\n]*"/g, '""')}`;
    const group = groups.get(key);
    if (group) group.rows.push(row);
    else {
      groups.set(key, { first: p, file, word, rows: [row] });
      out.push(key);
    }
  }
  return out.map((item) => {
    if (typeof item !== 'string') return item;
    const { first, file, word, rows } = groups.get(item)!;
    if (rows.length === 1) return first;
    const cell = AT.exec(first.path)![4];
    const path = `${file}: ${formatCount(rows.length)} ${word}s, ${cell}`;
    const row = rows[0]!;
    if (first.code === undefined) return { path, message: `${first.message}, e.g. ${word} ${row}` };
    const problem = { code: first.code, params: first.params } as ProblemDetail;
    return { path, ...problemText('in-rows', { problem, word, row }) };
  });
}
