import { describe, expect, it } from 'vitest';
import { decodeIncidentFile, nestingDepth } from './incident-file';
import { minimalIncident } from './test-incident';
import { parseIncident } from './incident';

const good = JSON.stringify(minimalIncident(), null, 2);
const bytes = (s: string) => new TextEncoder().encode(s);
const firstProblem = (input: Uint8Array | string, opts = {}) => {
  const r = decodeIncidentFile(input, 'upload.json', parseIncident, opts);
  if (r.ok) throw new Error('expected problems');
  return r.problems[0]!;
};

describe('decodeIncidentFile', () => {
  it('loads a valid file', () => {
    const r = decodeIncidentFile(bytes(good), 'upload.json', parseIncident);
    expect(r.ok && r.incident.events.length).toBe(2);
  });

  it('accepts a UTF-8 byte-order mark', () => {
    expect(decodeIncidentFile(bytes(`\uFEFF${good}`), 'bom.json', parseIncident).ok).toBe(true);
  });

  it('names the file and the field path of a schema problem', () => {
    const file = minimalIncident();
    file.events[0]!.phase = 'nope';
    expect(firstProblem(bytes(JSON.stringify(file))).path).toBe('upload.json: events[0].phase');
  });

  it('reports truncated JSON with its line and column', () => {
    const p = firstProblem(bytes(good.slice(0, 200)));
    expect(p.path).toBe('upload.json: (file)');
    expect(p.message).toMatch(/not valid JSON: .*line \d+ column \d+/);
  });

  it('reports an empty file', () => {
    expect(firstProblem(bytes('  \n')).message).toMatch(/empty/);
  });

  it('reports bytes that are not UTF-8', () => {
    expect(firstProblem(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])).message).toMatch(
      /not valid UTF-8/,
    );
  });

  it('refuses deeply nested JSON before parsing it', () => {
    const p = firstProblem('['.repeat(100_000) + ']'.repeat(100_000));
    expect(p.message).toMatch(/nested deeper than 64/);
    expect(p.path).toMatch(/line 1 column 65/);
  });

  it('refuses a file over the size limit and says the limit', () => {
    expect(firstProblem(bytes(good), { maxBytes: 100 }).message).toMatch(/limit is 100 bytes/);
  });

  it('reports its progress: reading the bytes, then validating the events', () => {
    const stages: unknown[] = [];
    decodeIncidentFile(bytes(good), 'upload.json', parseIncident, {
      onProgress: (p) => stages.push(p),
    });
    expect(stages).toEqual([
      { stage: 'reading', bytes: bytes(good).byteLength },
      { stage: 'validating', events: 2 },
    ]);
  });

  it('lists at most 100 problems of a file full of them, every kind among them, and counts the rest', () => {
    const file = minimalIncident();
    const [good] = file.events;
    file.events = Array.from({ length: 3000 }, (_, i) => ({
      ...good!,
      id: `e-${i}`,
      start: 'soon',
    }));
    file.events.push({ ...good!, id: 'last', outcome: 'maybe' as 'failed' });
    const r = decodeIncidentFile(bytes(JSON.stringify(file)), 'upload.json', parseIncident);
    const problems = r.ok ? [] : r.problems;
    expect(problems).toHaveLength(101);
    expect(problems.some((p) => p.path === 'upload.json: events[3000].outcome')).toBe(true);
    // Each "soon" is one problem (not the ISO pattern; a calendar time is asked only of that shape): 3,001 in all.
    expect(problems.at(-1)).toEqual({
      path: 'upload.json: (file)',
      message: 'and 2,901 more of the same kinds',
      more: 2901,
      code: 'more-same',
      params: { more: 2901 },
    });
  });

  it('reports a JSON value that is not an incident', () => {
    expect(firstProblem(bytes('[1,2]')).message).toMatch(/expected object/);
  });
});

describe('nestingDepth', () => {
  it('ignores brackets inside strings', () => {
    expect(nestingDepth('{"a":"[[[{{{","b":[1]}').depth).toBe(2);
  });
  it('ignores escaped quotes inside strings', () => {
    expect(nestingDepth('{"a":"\\"[[[","b":{}}').depth).toBe(2);
  });
  it('ends a string at a quote after an escaped backslash', () => {
    expect(nestingDepth('{"a":"x\\\\","b":[[1]]}').depth).toBe(3);
  });
});
