import { describe, expect, it } from 'vitest';
import { cpuMsSince } from './cpu-time.test-helper';
import fc from 'fast-check';
import { parseIncident, type IncidentFile } from './incident';
import { isIsoUtc } from './incident-checks';
import { minimalIncident } from './test-incident';

type Mutation = (f: IncidentFile & Record<string, unknown>) => void;

const cases: [string, Mutation, string, RegExp][] = [
  ['missing title', (f) => void delete (f as Partial<IncidentFile>).title, 'title', /expected/i],
  [
    'wrong type',
    (f) => void ((f.events[0] as unknown as Record<string, unknown>).systems = 'vpn'),
    'events[0].systems',
    /array/,
  ],
  [
    'empty systems',
    (f) => void (f.events[0]!.systems = []),
    'events[0].systems',
    />=1|at least|too small/i,
  ],
  ['bad slug', (f) => void (f.events[0]!.id = 'First Login'), 'events[0].id', /slug/],
  [
    'time without Z',
    (f) => void (f.events[0]!.start = '2024-01-01T10:00:00'),
    'events[0].start',
    /UTC/,
  ],
  [
    'year 0',
    (f) => void (f.events[0]!.start = '0000-01-01T10:00:00Z'),
    'events[0].start',
    /calendar/,
  ],
  [
    'year 10000',
    (f) => void (f.events[0]!.start = '10000-01-01T10:00:00Z'),
    'events[0].start',
    /UTC/,
  ],
  [
    'February 30',
    (f) => void (f.events[0]!.start = '2023-02-30T10:00:00Z'),
    'events[0].start',
    /calendar/,
  ],
  [
    'unknown phase',
    (f) => void (f.events[0]!.phase = 'nope'),
    'events[0].phase',
    /unknown phases id "nope"/,
  ],
  [
    'unknown system',
    (f) => void (f.events[1]!.systems = ['vpn', 'mail']),
    'events[1].systems[1]',
    /unknown systems id/,
  ],
  [
    'unknown actor',
    (f) => void (f.events[0]!.actor = 'ghost'),
    'events[0].actor',
    /unknown actors id/,
  ],
  [
    'unknown action',
    (f) => void (f.events[0]!.action = 'dance'),
    'events[0].action',
    /unknown actions id/,
  ],
  [
    'unknown source',
    (f) => void (f.events[0]!.citations[0]!.source = 'blog'),
    'events[0].citations[0].source',
    /unknown sources id/,
  ],
  [
    'unknown technique',
    (f) => void (f.events[0]!.techniques = ['T1059']),
    'events[0].techniques[0]',
    /unknown techniques id/,
  ],
  [
    'unknown related event',
    (f) => void (f.events[1]!.related = [{ event: 'x', kind: 'led-to' }]),
    'events[1].related[0].event',
    /unknown events id/,
  ],
  [
    'a cycle of led-to and enabled links',
    (f) => void (f.events[0]!.related = [{ event: 'second-login', kind: 'enabled' }]),
    'events[0].related',
    /^the led-to and enabled links form a cycle: "first-login" → "second-login" → "first-login"; expected no event to lead to itself$/,
  ],
  [
    'an event that led to itself',
    (f) => void (f.events[1]!.related = [{ event: 'second-login', kind: 'led-to' }]),
    'events[1].related',
    /cycle: "second-login" → "second-login"/,
  ],
  [
    'duplicate event id',
    (f) => void (f.events[1]!.id = 'first-login'),
    'events[1].id',
    /duplicate id "first-login"/,
  ],
  [
    'duplicate system id',
    (f) => void f.systems.push({ ...f.systems[0]! }),
    'systems[1].id',
    /duplicate/,
  ],
  [
    'a system listed twice by one event',
    (f) => void (f.events[1]!.systems = ['vpn', 'vpn']),
    'events[1].systems[1]',
    /^"vpn" is listed twice \(first at systems\[0\]\); expected each only once$/,
  ],
  [
    'a technique listed twice by one event',
    (f) => void (f.events[0]!.techniques = ['T1078', 'T1078']),
    'events[0].techniques[1]',
    /"T1078" is listed twice/,
  ],
  [
    'the same link listed twice by one event',
    (f) =>
      void (f.events[1]!.related = [
        { event: 'first-login', kind: 'led-to' },
        { event: 'first-login', kind: 'enabled' },
        { event: 'first-login', kind: 'led-to' },
      ]),
    'events[1].related[2]',
    /the link led-to "first-login" is listed twice \(first at related\[0\]\)/,
  ],
  [
    'an event listed twice by one indicator',
    (f) =>
      void (f.indicators = [
        {
          id: 'ip',
          type: 'ipv4',
          value: '203.0.113.9',
          defanged: '203.0.113[.]9',
          description: 'd',
          events: ['first-login', 'second-login', 'first-login'],
          citations: [{ source: 'report', locator: 'x' }],
        },
      ]),
    'indicators[0].events[2]',
    /"first-login" is listed twice \(first at events\[0\]\)/,
  ],
  [
    'end before start',
    (f) => void (f.events[0]!.end = '2023-12-31T10:00:00Z'),
    'events[0].end',
    /before start/,
  ],
  [
    'minute precision with seconds',
    (f) => void (f.events[0]!.start = '2024-01-01T10:00:30Z'),
    'events[0].start',
    /precision/,
  ],
  [
    'day precision not at midnight',
    (f) => void (f.events[1]!.start = '2024-01-02T06:00:00Z'),
    'events[1].start',
    /precision/,
  ],
  ['unknown language tag', (f) => void (f.title = { english: 'x' }), 'title', /language tag/],
  [
    'unregistered language',
    (f) => void (f.languages = ['zz-Zzzz-ZZ', 'en-us']),
    'languages[1]',
    /language tag/,
  ],
  ['unknown field', (f) => void (f.colour = 'red'), '(file)', /unrecognized/i],
  [
    'javascript: source url',
    (f) => void (f.sources[0]!.url = 'javascript:alert(1)'),
    'sources[0].url',
    /URL|url/,
  ],
  [
    'bad indicator hash',
    (f) =>
      void (f.indicators = [
        {
          id: 'h',
          type: 'file',
          value: 'a',
          defanged: 'a',
          sha256: 'XYZ',
          description: 'd',
          citations: [{ source: 'report', locator: 'x' }],
        },
      ]),
    'indicators[0].sha256',
    /hex/,
  ],
  ['wrong schema version', (f) => void (f.schemaVersion = '2.0' as '1.0'), 'schemaVersion', /1\.0/],
];

describe('parseIncident', () => {
  it('accepts a valid incident and sorts its events in time', () => {
    const file = minimalIncident();
    file.events.reverse();
    const result = parseIncident(file);
    expect(result.ok && result.incident.events.map((e) => e.id)).toEqual([
      'first-login',
      'second-login',
    ]);
  });

  it('gives each event its interval in epoch ms, covering the precision window', () => {
    const result = parseIncident(minimalIncident());
    if (!result.ok) throw new Error('expected a valid incident');
    const day = result.incident.events[1]!;
    expect([day.startMs, day.endMs]).toEqual([
      Date.parse('2024-01-02T00:00:00Z'),
      Date.parse('2024-01-03T00:00:00Z'),
    ]);
  });

  it.each(cases)('rejects %s with an error at its path', (_name, mutate, path, message) => {
    const file = minimalIncident() as IncidentFile & Record<string, unknown>;
    mutate(file);
    const result = parseIncident(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const problem = result.problems.find((p) => p.path === path);
    expect(problem, JSON.stringify(result.problems)).toBeDefined();
    expect(problem!.message).toMatch(message);
  });

  const indicator = {
    id: 'ip',
    type: 'ipv4' as const,
    value: '203.0.113.5',
    defanged: '203.0.113[.]5',
    description: 'Source address',
    citations: [{ source: 'report', locator: 'Timeline' }],
  };
  // Not "expected a slug" and "unknown … id" both at one path: the second says less, and the editor lists both.
  it.each<[string, Mutation, string]>([
    [
      'a link',
      (f) => void (f.events[1]!.related = [{ event: 'Login!', kind: 'led-to' }]),
      'events[1].related[0].event',
    ],
    ['a phase', (f) => void (f.events[0]!.phase = 'Initial access'), 'events[0].phase'],
    ['a system', (f) => void (f.events[0]!.systems = ['VPN']), 'events[0].systems[0]'],
    [
      'a citation',
      (f) => void (f.events[0]!.citations[0]!.source = 'x'.repeat(121)),
      'events[0].citations[0].source',
    ],
    [
      'an indicator',
      (f) => void (f.indicators = [{ ...indicator, events: ['First Login'] }]),
      'indicators[0].events[0]',
    ],
  ])('reports a reference of the wrong shape in %s once, as its shape', (_name, mutate, path) => {
    const file = minimalIncident() as IncidentFile & Record<string, unknown>;
    mutate(file);
    const result = parseIncident(file);
    const here = result.ok ? [] : result.problems.filter((p) => p.path === path);
    expect(here).toHaveLength(1);
    expect(here[0]!.message).toMatch(/slug|too big|<=120/i);
  });

  it('keeps an extra entry named "__proto__" and checks that it is text', () => {
    const file = minimalIncident();
    const json = JSON.stringify(file).replace(
      '"id":"first-login",',
      '"id":"first-login","extra":{"a":"1","__proto__":"2"},',
    );
    const r = parseIncident(JSON.parse(json));
    expect(r.ok && Object.entries(r.incident.events[0]!.extra!)).toEqual([
      ['a', '1'],
      ['__proto__', '2'],
    ]);
    expect(parseIncident(JSON.parse(json.replace('"2"', '2')))).toEqual({
      ok: false,
      problems: [
        {
          path: 'events[0].extra.__proto__',
          message: 'expected string',
          code: 'expected-string',
          params: {},
        },
      ],
    });
  });

  it('reads a date-only event after the timed events of the same day', () => {
    const file = minimalIncident();
    file.events[1]!.start = '2024-01-01T00:00:00Z';
    const r = parseIncident(file);
    expect(r.ok && r.incident.events.map((e) => e.id)).toEqual(['first-login', 'second-login']);
  });

  it('orders events that start together by end, then by id, whatever the file order', () => {
    const file = minimalIncident();
    const twin = { ...file.events[0]!, id: 'a-twin' };
    file.events.push(twin);
    const forward = parseIncident(file);
    file.events.reverse();
    const backward = parseIncident(file);
    const ids = (r: typeof forward) => (r.ok ? r.incident.events.map((e) => e.id) : []);
    expect(ids(forward)).toEqual(['a-twin', 'first-login', 'second-login']);
    expect(ids(backward)).toEqual(ids(forward));
  });
});

describe('parseIncident on hostile reference lists', () => {
  it('refuses an indicator that lists one event 50,000 times, in linear time', () => {
    const file = minimalIncident();
    file.indicators = [
      {
        id: 'ip',
        type: 'ipv4',
        value: '203.0.113.9',
        defanged: '203.0.113[.]9',
        description: 'd',
        events: Array.from({ length: 50_000 }, () => 'first-login'),
        citations: [{ source: 'report', locator: 'x' }],
      },
    ];
    const started = process.cpuUsage();
    const result = parseIncident(file);
    expect(cpuMsSince(started)).toBeLessThan(2000);
    expect(!result.ok && result.problems[0]).toEqual({
      path: 'indicators[0].events[1]',
      message: '"first-login" is listed twice (first at events[0]); expected each only once',
      code: 'listed-twice',
      params: { item: 'first-login', list: 'events', at: 0 },
    });
  });
});

describe('isIsoUtc', () => {
  // The definition it replaced: the moment Date.parse finds must read back with the fields as written.
  const readsBack = (s: string) => {
    const ms = Date.parse(s);
    if (!Number.isFinite(ms) || Number(s.slice(0, 4)) < 1) return false;
    const d = new Date(ms);
    const seconds = s[16] === ':' ? Number(s.slice(17, 19)) : 0;
    return d.toISOString().slice(0, 16) === s.slice(0, 16) && d.getUTCSeconds() === seconds;
  };
  const digits = (n: number, max: number) =>
    fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, '0'));

  it('accepts exactly the times of the shape that name a real moment, as Date does', () => {
    const time = fc
      .tuple(
        digits(4, 9999),
        digits(2, 19),
        digits(2, 39),
        digits(2, 29),
        digits(2, 69),
        fc.option(digits(2, 69)),
        fc.option(digits(3, 999)),
      )
      .map(([y, mo, d, h, mi, s, ms]) => {
        const seconds = s === null ? '' : `:${s}${ms === null ? '' : `.${ms}`}`;
        return `${y}-${mo}-${d}T${h}:${mi}${seconds}Z`;
      });
    fc.assert(
      fc.property(time, (s) => isIsoUtc(s) === readsBack(s)),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ['2024-02-29T00:00Z', true],
    ['2023-02-29T00:00Z', false],
    ['2000-02-29T12:00:00Z', true],
    ['1900-02-29T12:00:00Z', false],
    ['2100-02-29T00:00Z', false],
    ['0100-02-29T00:00Z', false],
    ['0004-02-29T00:00Z', true],
    ['2023-04-31T00:00Z', false],
    ['2023-12-31T23:59:59.999Z', true],
    ['2023-12-31T24:00Z', false],
    ['2023-12-31T23:60Z', false],
    ['2023-12-31T23:59:60Z', false],
    ['0000-01-01T00:00Z', false],
    ['0001-01-01T00:00Z', true],
    ['2023-12-31', false],
    ['2023-12-31T10:00', false],
  ])('%s: %s', (s, valid) => expect(isIsoUtc(s)).toBe(valid));
});
