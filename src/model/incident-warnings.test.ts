import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIncident, type IncidentFile, type MilestoneKind } from './incident';
import { incidentWarnings, warningParts, warningsOf } from './incident-warnings';
import { noteTextEdit, textEditOf } from './event-versions';
import { loadBundled } from './bundled.test-helper';
import { generateIncident } from '../../bench/generate';
import { minimalIncident } from './test-incident';

function warningsFor(change: (f: IncidentFile) => void) {
  const file = minimalIncident();
  change(file);
  const r = parseIncident(file);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return incidentWarnings(r.incident);
}

const paths = (change: (f: IncidentFile) => void) => warningsFor(change).map((w) => w.path);

/** first-login is the last adversary activity; second-login carries `containment`, at the given time. */
function containedAt(start: string, precision: 'minute' | 'day', flags?: MilestoneKind[]) {
  return (f: IncidentFile) => {
    f.events[0]!.start = '2024-01-02T10:44:00Z';
    f.events[0]!.milestones = ['last-adversary-activity'];
    Object.assign(f.events[1]!, { start, precision, milestones: flags ?? ['containment'] });
  };
}

describe('incidentWarnings: containment before the last adversary activity', () => {
  it.each([
    ['after it', containedAt('2024-01-02T11:59:00Z', 'minute'), []],
    ['in the same minute', containedAt('2024-01-02T10:44:00Z', 'minute'), []],
    ['on the same date, time not given', containedAt('2024-01-02T00:00:00Z', 'day'), []],
    [
      'hours before it',
      containedAt('2024-01-01T21:31:00Z', 'minute'),
      ['events[id=second-login].milestones[0]'],
    ],
    [
      'on the date before',
      containedAt('2024-01-01T00:00:00Z', 'day'),
      ['events[id=second-login].milestones[0]'],
    ],
    [
      'second of two flags',
      containedAt('2024-01-01T21:31:00Z', 'minute', ['detection', 'containment']),
      ['events[id=second-login].milestones[1]'],
    ],
    [
      'without a last activity',
      (f: IncidentFile) => void (f.events[1]!.milestones = ['containment']),
      [],
    ],
  ])('containment %s', (_, change, expected) => {
    expect(paths(change)).toEqual(expected);
  });

  it('says which events, when, and what is expected', () => {
    const [w] = warningsFor(containedAt('2024-01-01T21:31:00Z', 'minute'));
    expect(w?.message).toBe(
      'the containment milestone (2024-01-01 21:31 UTC) comes before the last adversary activity ' +
        '(events[id=first-login], 2024-01-02 10:44 UTC): containment cannot come before the last ' +
        'adversary activity it stopped; expected the milestone on the event that ended the access',
    );
    // What a UI in another language says it from.
    expect(w).toMatchObject({
      code: 'containment-before-last-activity',
      params: { containment: '2024-01-01 21:31', last: '2024-01-02 10:44', lastId: 'first-login' },
    });
  });
});

const withIndicators = (f: IncidentFile) => {
  f.indicators = [
    {
      id: 'c2',
      type: 'ipv4',
      value: '10.0.0.1',
      defanged: '10.0.0[.]1',
      description: 'Command and control.',
      citations: [{ source: 'report', locator: 'IOCs' }],
    },
    {
      id: 'drop',
      type: 'domain',
      value: 'drop.example',
      defanged: 'drop[.]example',
      description: 'Serves the payload.',
      citations: [{ source: 'report', locator: 'IOCs' }],
    },
    {
      id: 'tool',
      type: 'file',
      value: 'tool.bin',
      defanged: 'tool.bin',
      description: 'The payload.',
      citations: [{ source: 'report', locator: 'IOCs' }],
    },
  ];
};

function mention(set: (f: IncidentFile, text: string) => void, text: string) {
  return (f: IncidentFile) => {
    withIndicators(f);
    set(f, text);
  };
}

describe('incidentWarnings: live indicators in text', () => {
  const inEvent = (f: IncidentFile, t: string) => void (f.events[0]!.description = t);
  it.each([
    ['defanged only', mention(inEvent, 'Beacons to 10.0.0[.]1 and drop[.]example.'), []],
    ['an address that only starts the same', mention(inEvent, 'From 10.0.0.10 and 110.0.0.1'), []],
    ['a longer domain', mention(inEvent, 'Served from drop.example.org'), []],
    ['a file name that needs no defanging', mention(inEvent, 'Runs tool.bin'), []],
    [
      'an address',
      mention(inEvent, 'Beacons to 10.0.0.1.'),
      ['events[id=first-login].description'],
    ],
    [
      'both, at the end of a sentence',
      mention(inEvent, 'Served by drop.example. Calls 10.0.0.1:443'),
      ['events[id=first-login].description', 'events[id=first-login].description'],
    ],
    [
      'a domain in capitals',
      mention(inEvent, 'DROP.EXAMPLE'),
      ['events[id=first-login].description'],
    ],
    ['a subdomain', mention(inEvent, 'cdn.drop.example'), ['events[id=first-login].description']],
    [
      'next to Chinese text',
      mention(inEvent, '連線至10.0.0.1。'),
      ['events[id=first-login].description'],
    ],
    [
      'one language of a system description',
      mention(
        (f, t) => void (f.systems[0]!.description = { en: '10.0.0[.]1', 'zh-Hant': t }),
        '位址 10.0.0.1',
      ),
      ['systems[id=vpn].description.zh-Hant'],
    ],
    ['the title', mention((f, t) => void (f.title = t), 'drop.example'), ['title']],
    [
      'a phase prompt',
      mention((f, t) => void (f.phases[0]!.prompts = ['fine', t]), 'Block 10.0.0.1?'),
      ['phases[id=access].prompts[1]'],
    ],
    [
      'an inferred reason',
      mention((f, t) => void (f.events[1]!.inferred = { reason: t }), 'Logs of 10.0.0.1'),
      ['events[id=second-login].inferred.reason'],
    ],
    [
      'an inject question',
      mention((f, t) => void (f.events[1]!.inject = { question: t }), 'Who owns drop.example?'),
      ['events[id=second-login].inject.question'],
    ],
    [
      'a citation locator',
      mention((f, t) => void (f.events[0]!.citations[0]!.locator = t), 'Table, 10.0.0.1'),
      ['events[id=first-login].citations[0].locator'],
    ],
    [
      'an imported field',
      mention((f, t) => void (f.events[0]!.extra = { dst: t }), '10.0.0.1'),
      ['events[id=first-login].extra.dst'],
    ],
    [
      "an indicator's own description",
      mention((f, t) => void (f.indicators![0]!.description = t), 'C2 at 10.0.0.1'),
      ['indicators[id=c2].description'],
    ],
    [
      'a source note',
      mention((f, t) => void (f.sources[0]!.note = t), 'Mentions drop.example'),
      ['sources[id=report].note'],
    ],
  ])('%s', (_, change, expected) => {
    expect(paths(change)).toEqual(expected);
  });

  it('names the indicator and its defanged form', () => {
    const [w] = warningsFor(mention(inEvent, 'Beacons to 10.0.0.1'));
    expect(w?.message).toBe(
      'shows the indicator "10.0.0.1" (indicators[id=c2]) live: expected it defanged, as "10.0.0[.]1"',
    );
    expect(w).toMatchObject({
      code: 'live-indicator',
      params: { value: '10.0.0.1', id: 'c2', defanged: '10.0.0[.]1' },
    });
  });
});

describe('data/fixtures/warnings.json', () => {
  it('is a valid incident with exactly the two warnings the browser test expects', () => {
    const file: unknown = JSON.parse(
      readFileSync(new URL('../../data/fixtures/warnings.json', import.meta.url), 'utf8'),
    );
    const r = parseIncident(file);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(incidentWarnings(r.incident).map((w) => w.path)).toEqual([
      'events[id=address-blocked].milestones[0]',
      'events[id=address-blocked].description',
    ]);
  });
});

describe('warningParts after a text edit', () => {
  const start = loadBundled(generateIncident(300, 5, 'full'));
  const live = start.indicators!.find((i) => i.value !== i.defanged)!;

  it('gives what a whole scan gives, through any run of edits that add or take away live indicators', () => {
    const texts = [
      `Seen at ${live.value} again.`,
      'Nothing to see.',
      `Defanged: ${live.defanged}.`,
    ];
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(299), text: fc.nat(texts.length - 1) }), { maxLength: 6 }),
        (edits) => {
          let incident = start;
          let parts = warningParts(incident);
          for (const { at, text } of edits) {
            const e = incident.events[at]!;
            const events = incident.events.with(at, { ...e, description: { en: texts[text]! } });
            noteTextEdit(incident.events, events);
            incident = { ...incident, events };
            parts = warningParts(incident, { before: parts, edit: textEditOf(events)! });
            expect(warningsOf(parts)).toEqual(incidentWarnings(incident));
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('warningParts after a change to the events', () => {
  const start = loadBundled(generateIncident(300, 5, 'full'));
  const live = start.indicators!.find((i) => i.value !== i.defanged)!;
  const mentioning = (id: string) => ({
    ...start.events[7]!,
    id,
    description: { en: `Seen at ${live.value} again.` },
  });
  const change = fc.oneof(
    fc.record({ op: fc.constant('add' as const), at: fc.nat(299) }),
    fc.record({ op: fc.constant('delete' as const), at: fc.nat(299) }),
    fc.record({ op: fc.constant('swap' as const), at: fc.nat(298) }),
  );
  // A fresh copy of an incident, none of its events seen before: what a scan of it from nothing finds.
  const fresh = (incident: typeof start) => incidentWarnings(structuredClone(incident));

  it('gives what a scan from nothing gives, through any run of events added, deleted and moved', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 6 }), (changes) => {
        let incident = start;
        expect(incidentWarnings(incident)).toEqual(fresh(incident));
        changes.forEach(({ op, at }, k) => {
          const events = incident.events.slice();
          const i = at % events.length;
          if (op === 'add') events.splice(i, 0, mentioning(`added-${k}`));
          else if (op === 'delete') events.splice(i, 1);
          else if (i + 1 < events.length) [events[i], events[i + 1]] = [events[i + 1]!, events[i]!];
          incident = { ...incident, events };
          expect(incidentWarnings(incident)).toEqual(fresh(incident));
        });
      }),
      { numRuns: 30 },
    );
  });

  it('scans the same events again for other indicators', () => {
    const incident = { ...start, events: [...start.events, mentioning('added')] };
    expect(incidentWarnings(incident).map((w) => w.path)).toContain(
      'events[id=added].description.en',
    );
    const defanged = start.indicators!.map((i) => (i === live ? { ...i, value: i.defanged } : i));
    expect(
      incidentWarnings({ ...incident, indicators: defanged }).map((w) => w.path),
    ).not.toContain('events[id=added].description.en');
  });
});
