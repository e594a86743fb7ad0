// Property tests: no mutation of a real incident file makes the parser throw or answer without saying why.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIncident, type ParseResult } from './incident';
import { parseIncidentFast } from './incident-fast-zod';
import { decodeIncidentFile } from './incident-file';

const bundledText = readFileSync(
  new URL('../../data/cloudflare-thanksgiving-2023.json', import.meta.url),
  'utf8',
);

type Json = unknown;
type Container = Record<string, Json> | Json[];
interface Slot {
  parent: Container;
  key: string | number;
}

const isContainer = (v: Json): v is Container => typeof v === 'object' && v !== null;

/** Every place in the tree a value sits, containers included, in a stable order. */
function slots(root: Json): Slot[] {
  const out: Slot[] = [];
  const walk = (v: Json) => {
    if (!isContainer(v)) return;
    for (const key of Array.isArray(v) ? v.keys() : Object.keys(v)) {
      out.push({ parent: v, key });
      walk((v as Record<string | number, Json>)[key]);
    }
  };
  walk(root);
  return out;
}

const get = (s: Slot) => (s.parent as Record<string | number, Json>)[s.key];
const set = (s: Slot, value: Json) => ((s.parent as Record<string | number, Json>)[s.key] = value);

const OPS = ['delete', 'retype', 'string', 'number', 'duplicate', 'nest', 'swap-ids'] as const;
const mutation = fc.record({
  op: fc.constantFrom(...OPS),
  at: fc.nat(),
  other: fc.nat(),
  depth: fc.integer({ min: 1, max: 300 }),
  value: fc.anything({ maxDepth: 3 }),
  text: fc.oneof(
    fc.string(),
    fc.constantFrom(
      '',
      'x',
      '2023-11-22T14:18:22Z',
      '0000-01-01T00:00:00Z',
      'NaN',
      '__proto__',
      'constructor',
    ),
  ),
  number: fc.oneof(fc.double(), fc.integer(), fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308)),
});
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(root: Json, m: Mutation): void {
  const all = slots(root);
  if (all.length === 0) return;
  const s = all[m.at % all.length]!;
  switch (m.op) {
    case 'delete':
      if (Array.isArray(s.parent)) s.parent.splice(Number(s.key), 1);
      else delete s.parent[s.key as string];
      break;
    case 'retype':
      set(s, m.value);
      break;
    case 'string':
      set(s, m.text);
      break;
    case 'number':
      set(s, m.number);
      break;
    case 'duplicate': {
      const v = get(s);
      if (Array.isArray(v) && v.length > 0) v.push(structuredClone(v[m.other % v.length]));
      else if (Array.isArray(s.parent)) s.parent.push(structuredClone(v));
      break;
    }
    case 'nest': {
      let v = get(s);
      for (let i = 0; i < m.depth; i++) v = m.other % 2 ? [v] : { v };
      set(s, v);
      break;
    }
    case 'swap-ids': {
      const withId = all
        .map(get)
        .filter((v): v is Record<string, Json> => isContainer(v) && !Array.isArray(v) && 'id' in v);
      const a = withId[m.at % Math.max(withId.length, 1)];
      const b = withId[m.other % Math.max(withId.length, 1)];
      if (a && b) [a.id, b.id] = [b.id, a.id];
      break;
    }
  }
}

function expectAnswer(result: ParseResult) {
  if (result.ok) {
    expect(Array.isArray(result.incident.events)).toBe(true);
    return;
  }
  expect(result.problems.length).toBeGreaterThan(0);
  for (const p of result.problems) {
    expect(typeof p.path === 'string' && p.path.length > 0, `path of ${JSON.stringify(p)}`).toBe(
      true,
    );
    expect(
      typeof p.message === 'string' && p.message.length > 0,
      `message of ${JSON.stringify(p)}`,
    ).toBe(true);
  }
}

describe('parsing a mutated incident', () => {
  it('never throws, and either accepts the file or names each problem', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
        const file = JSON.parse(bundledText) as Json;
        for (const m of mutations) apply(file, m);
        expectAnswer(parseIncident(file));
        expectAnswer(decodeIncidentFile(JSON.stringify(file) ?? '', 'mutated.json', parseIncident));
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('gets the same answer from the fast validator as from zod', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
        const file = JSON.parse(bundledText) as Json;
        for (const m of mutations) apply(file, m);
        // Through JSON, as the loader sees a file: no undefined, no functions.
        const text = JSON.stringify(file) ?? 'null';
        expect(parseIncidentFast(JSON.parse(text))).toEqual(parseIncident(JSON.parse(text)));
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('never throws on the file text cut short or with a byte changed', () => {
    const bytes = new TextEncoder().encode(bundledText);
    fc.assert(
      fc.property(
        fc.nat({ max: bytes.length }),
        fc.nat({ max: bytes.length - 1 }),
        fc.nat({ max: 255 }),
        (cut, at, byte) => {
          expectAnswer(decodeIncidentFile(bytes.slice(0, cut), 'cut.json', parseIncident));
          const changed = bytes.slice();
          changed[at] = byte;
          expectAnswer(decodeIncidentFile(changed, 'changed.json', parseIncident));
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);

  it('rejects an incident whose ids were swapped into duplicates', () => {
    const file = JSON.parse(bundledText) as { events: { id: string }[] };
    file.events[1]!.id = file.events[0]!.id;
    const r = parseIncident(file);
    expect(!r.ok && r.problems.some((p) => /duplicate id/.test(p.message))).toBe(true);
  });
});
