import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledText } from './bundled.test-helper';
import { parseIncident, type IncidentFile } from './incident';
import { EVENT_TEXT_PATHS, fastCheck, fastCheckSteps } from './incident-fast';
import { parseIncidentFast } from './incident-fast-zod';
import { incidentJsonSchema } from './json-schema';
import { validate } from './incident-validator.generated.js';

const fixtures = new URL('../../data/fixtures/', import.meta.url);
const jsonFixtures = [
  ...readdirSync(fixtures).filter((f) => f.endsWith('.json')),
  ...readdirSync(new URL('bad/', fixtures))
    .filter((f) => f.endsWith('.json'))
    .map((f) => `bad/${f}`),
];
const parseable = jsonFixtures.flatMap((name): [string, string][] => {
  const text = readFileSync(new URL(name, fixtures), 'utf8').replace(/^\uFEFF/, '');
  try {
    JSON.parse(text);
    return [[name, text]];
  } catch {
    return [];
  }
});

// The edits reach deep into a parsed file; typing each path would say nothing more than the edit itself.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
type Edit = (file: Loose) => void;

/** Files of the right shape that zod still refuses: what JSON Schema cannot say. */
const beyondSchema: [string, Edit][] = [
  ['a deprecated language tag in a title', (f) => (f.events[0].title = { iw: 'x' })],
  ['a language map with no language', (f) => (f.events[3].description = {})],
  ['an unknown tag in a citation locator', (f) => (f.events[2].citations[0].locator = { in: 'x' })],
  ['an unknown tag in an inferred reason', (f) => (f.events[1].inferred = { reason: { ji: 'x' } })],
  ['an unknown tag in a prompt', (f) => (f.events[1].prompts = [{ mo: 'x' }])],
  ['an unknown tag in an inject', (f) => (f.events[1].inject = { question: { 'iw-IL': '?' } })],
  ['an unknown tag in the summary', (f) => (f.summary = { sh: 'x' })],
  ['an unknown file language', (f) => (f.languages = ['en', 'iw'])],
  ['a source URL that is not http(s)', (f) => (f.sources[0].url = 'javascript:alert(1)')],
  ['a source URL with no slashes', (f) => (f.sources[0].url = 'https:example.com')],
  ['a source URL that does not parse', (f) => (f.sources[0].url = 'https://exa mple.com/')],
  ['an unknown source language', (f) => (f.sources[0].language = 'iw')],
  ['an unknown tag in a phase prompt', (f) => (f.phases[0].prompts = [{ mo: 'x' }])],
  ['an unknown tag in a system label', (f) => (f.systems[0].label = { ji: 'x' })],
  ['31 February', (f) => (f.events[0].start = '2023-02-31T00:00:00Z')],
  ['a range ending 24:00', (f) => (f.events[0].end = '2023-11-30T24:00Z')],
  ['an unknown phase', (f) => (f.events[4].phase = 'no-such-phase')],
  ['an unknown related event', (f) => (f.events[4].related = [{ event: 'nope', kind: 'led-to' }])],
  ['an indicator naming no event', (f) => (f.indicators[0].events = ['nope'])],
  ['a duplicate event id', (f) => (f.events[5].id = f.events[6].id)],
  ['a system listed twice', (f) => f.events[0].systems.push(f.events[0].systems[0])],
  ['seconds on a minute-precision time', (f) => setMinute(f, '2023-11-22T14:18:22Z')],
  ['an end before its start', (f) => (f.events[7].end = '2000-01-01T00:00:00Z')],
];

/** The paths of every text under `node` of the published schema (`[]` steps into a list's items), but `skip`. */
function textPaths(node: unknown, skip?: string): string[] {
  const found: string[] = [];
  const walk = (at: unknown, path: string) => {
    if (typeof at !== 'object' || at === null) return;
    const n = at as Record<string, unknown>;
    if (n.$ref === '#/$defs/LocalizedText') return found.push(path);
    if (n.items) walk(n.items, `${path}[]`);
    for (const [key, child] of Object.entries((n.properties ?? {}) as Record<string, unknown>))
      if (path || key !== skip) walk(child, path ? `${path}.${key}` : key);
  };
  walk(node, '');
  return found;
}

/** Puts a language map with no language at `path` under `at`; each step keeps what was there (a citation its source). */
function putEmptyText(at: Loose, path: string): void {
  const steps = path.split('.');
  steps.forEach((step, k) => {
    const key = step.replace('[]', '');
    const list = step.endsWith('[]');
    const had = (list ? (at[key] as Loose[] | undefined)?.[0] : at[key]) as Loose | undefined;
    const value = k === steps.length - 1 ? {} : { ...had };
    at[key] = list ? [value, ...((at[key] as Loose[] | undefined)?.slice(1) ?? [])] : value;
    at = value;
  });
}

function setMinute(f: Loose, start: string) {
  f.events[0].start = start;
  f.events[0].precision = 'minute';
  delete f.events[0].end;
}

describe('parseIncidentFast', () => {
  it.each(parseable)('answers as zod does for data/fixtures/%s', (_, text) => {
    expect(parseIncidentFast(JSON.parse(text))).toEqual(parseIncident(JSON.parse(text)));
  });

  it('accepts the bundled incident exactly as zod does', () => {
    // Without zod: a check that refused it would pass the test below through zod's answer.
    expect(fastCheck(JSON.parse(bundledText))).toMatchObject({ ok: true, asWritten: true });
    const fast = parseIncidentFast(JSON.parse(bundledText));
    expect(fast.ok).toBe(true);
    expect(fast).toEqual(parseIncident(JSON.parse(bundledText)));
  });

  it.each(beyondSchema)("refuses %s with zod's message", (_, edit) => {
    const file = JSON.parse(bundledText) as Record<string, unknown>;
    edit(file);
    const zod = parseIncident(structuredClone(file));
    expect(zod.ok).toBe(false);
    expect(parseIncidentFast(file)).toEqual(zod);
  });

  // The generated validator checks a text as one schema of two types, not as the published schema's anyOf.
  it.each<[string, Edit]>([
    ['an empty string', (f) => (f.events[0].title = '')],
    ['a list', (f) => (f.events[0].title = ['x'])],
    ['a number', (f) => (f.events[0].description = 5)],
    ['null', (f) => (f.summary = null)],
    ['a map with an empty text', (f) => (f.events[1].title = { en: '' })],
    ['a map with a number', (f) => (f.events[1].title = { en: 1 })],
    ['a map with a key that is no tag', (f) => (f.events[2].title = { English: 'x' })],
  ])("refuses a text that is %s with zod's message", (_, edit) => {
    const file = JSON.parse(bundledText) as Loose;
    edit(file);
    const zod = parseIncident(structuredClone(file));
    expect(zod.ok).toBe(false);
    expect(validate(file)).toBe(false);
    expect(parseIncidentFast(file)).toEqual(zod);
  });

  // The fast pass names each text of an event in code; a text it left out would pass with no language at all.
  it.each(EVENT_TEXT_PATHS)(
    "refuses a language map with no language at %s, with zod's message",
    (path) => {
      const file = JSON.parse(bundledText) as Loose;
      putEmptyText(file.events[1], path);
      const zod = parseIncident(structuredClone(file));
      expect(zod.ok).toBe(false);
      expect(validate(file)).toBe(true);
      expect(parseIncidentFast(file)).toEqual(zod);
    },
  );

  it("refuses a link to an id of the wrong shape with zod's one message", () => {
    const file = JSON.parse(bundledText) as Loose;
    file.events[4].related = [{ event: 'Not An Id', kind: 'led-to' }];
    const zod = parseIncident(structuredClone(file));
    expect(
      zod.ok || zod.problems.filter((p) => p.path === 'events[4].related[0].event'),
    ).toHaveLength(1);
    expect(parseIncidentFast(file)).toEqual(zod);
  });

  // zod returns such a URL trimmed, or without its tab: the incident is zod's, as parseIncident gives it.
  it.each([' https://example.com/a', 'https://example.com/a\n', 'https://exa\tmple.com/'])(
    'gives the source URL %j as zod gives it',
    (url) => {
      const file = JSON.parse(bundledText) as Loose;
      file.sources[0].url = url;
      const zod = parseIncident(structuredClone(file));
      expect(zod.ok && zod.incident.sources[0]!.url).not.toBe(url);
      expect(parseIncidentFast(file)).toEqual(zod);
    },
  );

  it('accepts an http(s) URL in capitals, as zod does', () => {
    const file = JSON.parse(bundledText) as Loose;
    file.sources[0].url = 'HTTPS://EXAMPLE.COM/Report?x=1#y';
    const zod = parseIncident(structuredClone(file));
    expect(zod.ok).toBe(true);
    expect(fastCheck(structuredClone(file))).toMatchObject({ ok: true, asWritten: true });
    expect(parseIncidentFast(file)).toEqual(zod);
  });

  // The fast pass names each text outside the events in code too; the schema says where they all are.
  it("refuses a language map with no language at every text outside the events, with zod's message", () => {
    const paths = textPaths(incidentJsonSchema(), 'events');
    expect(paths).toEqual(
      expect.arrayContaining(['title', 'sources[].note', 'phases[].prompts[]']),
    );
    for (const path of paths) {
      const file = JSON.parse(bundledText) as Loose;
      putEmptyText(file, path);
      const zod = parseIncident(structuredClone(file));
      expect(zod.ok, path).toBe(false);
      expect(validate(file), path).toBe(true);
      expect(parseIncidentFast(file), path).toEqual(zod);
    }
  });

  it('checks the language tags of every text an event has', () => {
    const schema = incidentJsonSchema() as { properties: { events: { items: unknown } } };
    expect(textPaths(schema.properties.events.items).sort()).toEqual([...EVENT_TEXT_PATHS].sort());
  });
});

describe('fastCheckSteps', () => {
  /** The steps run to their end, `slice` events a step; what fastCheck answers, as data. */
  const stepped = (input: unknown, slice: number) => {
    const steps = fastCheckSteps(input as IncidentFile, slice);
    let step = steps.next();
    let count = 0;
    for (; !step.done; step = steps.next()) count++;
    return { answer: settled(step.value), count };
  };
  const settled = (r: ReturnType<typeof fastCheck>) =>
    r?.ok && r.asWritten ? { order: [...r.order.order], incident: r.incident() } : r;

  it.each(parseable)('answers as fastCheck does for data/fixtures/%s', (_, text) => {
    expect(stepped(JSON.parse(text), 7).answer).toEqual(settled(fastCheck(JSON.parse(text))));
  });

  it.each(beyondSchema)('refuses %s, as fastCheck does', (_, edit) => {
    const file = JSON.parse(bundledText) as Loose;
    edit(file);
    expect(fastCheck(structuredClone(file))).toBeUndefined();
    expect(stepped(file, 5).answer).toBeUndefined();
  });

  it.each<[string, Edit]>([
    ['an outcome outside the list', (f) => (f.events[9].outcome = 'maybe')],
    ['a field the format does not have', (f) => (f.events[12].colour = 'red')],
    ['an event without citations', (f) => delete f.events[20].citations],
    ['an unknown top-level field', (f) => (f.owner = 'me')],
  ])('refuses %s, as the generated validator does', (_, edit) => {
    const file = JSON.parse(bundledText) as Loose;
    edit(file);
    expect(validate(file)).toBe(false);
    expect(stepped(file, 5).answer).toBeUndefined();
  });

  it('takes the events a slice at a time', () => {
    const file = JSON.parse(bundledText) as IncidentFile;
    const { answer, count } = stepped(file, 10);
    expect(answer).toMatchObject({ order: expect.any(Array) as unknown });
    // Each slice of events is a step, twice (their shape, then their references), and a few more.
    expect(count).toBeGreaterThanOrEqual(2 * Math.ceil(file.events.length / 10));
  });
});
