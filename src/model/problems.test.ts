import { describe, expect, it } from 'vitest';
import type { Problem } from './incident';
import { capProblems, firstOfEachKind, MAX_PROBLEMS, problemKind } from './problems';

const problem = (path: string, message: string): Problem => ({ path, message });

describe('problemKind', () => {
  it.each([
    [
      problem('events[7].phase', 'unknown phases id "recon": expected one of the ids in phases'),
      problem('events[12].phase', 'unknown phases id "exfil": expected one of the ids in phases'),
    ],
    [
      problem('log.csv: row 7, column time', 'expected a time'),
      problem('log.csv: row 70, column time', 'expected a time'),
    ],
  ])('gives %j and %j one kind', (a, b) => {
    expect(problemKind(a)).toBe(problemKind(b));
  });

  it.each([
    [problem('events[7].phase', 'required'), problem('events[7].actor', 'required')],
    [problem('events[7].phase', 'required'), problem('events[7].phase', 'expected a slug')],
  ])('tells %j and %j apart', (a, b) => {
    expect(problemKind(a)).not.toBe(problemKind(b));
  });
});

describe('firstOfEachKind', () => {
  const kindOf = (s: string) => s[0]!;

  it.each([
    [['a1', 'a2', 'b1'], 5, ['a1', 'a2', 'b1'], 0],
    [['a1', 'a2', 'a3', 'a4', 'b1', 'c1'], 3, ['a1', 'b1', 'c1'], 3],
    [['a1', 'a2', 'a3', 'b1', 'a4'], 3, ['a1', 'a2', 'b1'], 2],
    [['a1', 'b1', 'c1', 'd1'], 2, ['a1', 'b1'], 2],
  ])('%j, at most %i: keeps %j in order, %i more', (items, max, kept, more) => {
    expect(firstOfEachKind(items, kindOf, max)).toMatchObject({ kept, more });
  });

  it('counts the kinds that did not fit', () => {
    expect(firstOfEachKind(['a1', 'b1', 'c1', 'd1'], kindOf, 2).kindsLeftOut).toBe(2);
  });

  it('keeps the limit out of a million items', () => {
    const items = Array.from({ length: 1_000_000 }, (_, i) => `${'abc'[i % 3]}${i}`);
    const { kept, more } = firstOfEachKind(items, kindOf);
    expect(kept).toHaveLength(MAX_PROBLEMS);
    expect(kept.slice(0, 3)).toEqual(['a0', 'b1', 'c2']);
    expect(more).toBe(1_000_000 - MAX_PROBLEMS);
  });
});

describe('capProblems', () => {
  it('leaves a short list as it is', () => {
    const list = [problem('a', 'x'), problem('b', 'y')];
    expect(capProblems(list, 'f.json')).toEqual(list);
  });

  it('ends a long list with one line saying how many more, of which kinds', () => {
    const list = Array.from({ length: 250 }, (_, i) => problem(`events[${i}].start`, 'required'));
    const capped = capProblems(list, 'f.json: (file)');
    expect(capped).toHaveLength(MAX_PROBLEMS + 1);
    expect(capped.at(-1)).toEqual({
      ...problem('f.json: (file)', 'and 150 more of the same kinds'),
      more: 150,
      code: 'more-same',
      params: { more: 150 },
    });
  });

  it('says when kinds were left out too', () => {
    const list = Array.from({ length: 150 }, (_, i) => problem(`field${'x'.repeat(i)}`, 'bad'));
    expect(capProblems(list, 'f').at(-1)!.message).toBe(
      'and 50 more, of these kinds and 50 others',
    );
  });
});
