import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addEvent,
  addTerm,
  defang,
  deleteEvent,
  lastStart,
  deriveEventId,
  deriveId,
  moveEvent,
  newIncident,
  refang,
  removeTerm,
  snapToPrecision,
  updateEvent,
  withPrecision,
  type DraftDoc,
} from './draft';
import { setText } from './draft';
import { draftProblems, showableIncident } from './draft-check';
import { STARTER_WORDS } from './starter.test-helper';
import { bundledText } from './bundled.test-helper';
import type { IncidentFile } from './incident';
import { parseUtc } from './time';

const words = STARTER_WORDS;
const start = (): DraftDoc => ({ file: newIncident('untitled', words), added: [] });
const T = Date.UTC(2024, 2, 5, 14, 18, 22, 500);

/** A valid event: the fields a new one leaves for the author filled in. */
function complete(doc: DraftDoc, id: string): DraftDoc {
  return updateEvent(
    doc,
    id,
    (e) => ({
      ...e,
      description: { en: 'Seen in the logs.' },
      citations: [{ source: 'notes', locator: { en: 'Log review' } }],
    }),
    'en',
  ).doc;
}

describe('deriveId', () => {
  it.each([
    ['Okta login', [], 'okta-login'],
    ['Okta login', ['okta-login'], 'okta-login-2'],
    ['Okta login', ['okta-login', 'okta-login-2'], 'okta-login-3'],
    ['登入', [], 'event'],
    ['', ['event'], 'event-2'],
  ])('%s with %j taken -> %s', (title, taken, id) => {
    expect(deriveId(title, taken)).toBe(id);
  });
});

describe('deriveEventId', () => {
  it.each([
    ['Okta login', '2023-11-14T22:12:00Z', 'minute', [], 'okta-login'],
    ['Okta 登入', '2023-11-14T22:12:00Z', 'minute', [], 'okta'],
    ['登入', '2023-11-14T22:12:00Z', 'minute', [], 'event-2023-11-14t2212'],
    ['登入', '2023-11-14T22:12:05Z', 'second', [], 'event-2023-11-14t221205'],
    ['Вход', '2023-11-14T22:00:00Z', 'hour', [], 'event-2023-11-14t2200'],
    ['تسجيل', '2023-11-14T00:00:00Z', 'day', [], 'event-2023-11-14'],
    ['登入', '2023-11-01T00:00:00Z', 'month', [], 'event-2023-11'],
    [
      '登出',
      '2023-11-14T22:12:00Z',
      'minute',
      ['event-2023-11-14t2212'],
      'event-2023-11-14t2212-2',
    ],
    ['', 'not a time', 'minute', [], 'event'],
  ] as const)('%s at %s (%s) with %j taken -> %s', (title, start, precision, taken, id) => {
    expect(deriveEventId(title, start, precision, taken)).toBe(id);
  });

  it('an event added with a Chinese title, or renamed to one, takes an id from its time', () => {
    const t = Date.UTC(2023, 10, 14, 22, 12);
    const a = addEvent(start(), { title: '新事件', lang: 'zh-Hant', startMs: t });
    expect(a.id).toBe('event-2023-11-14t2212');
    const b = addEvent(a.doc, { title: '新事件', lang: 'zh-Hant', startMs: t + 3_600_000 });
    expect(b.id).toBe('event-2023-11-14t2312');
    // Ids the schema accepts, where "event" and "event-2" told nothing.
    expect(draftProblems(b.doc.file).filter((p) => p.path.endsWith('.id'))).toEqual([]);
    const named = updateEvent(b.doc, a.id, (e) => ({ ...e, title: 'Token used' }), 'en');
    const back = updateEvent(named.doc, 'token-used', (e) => ({ ...e, title: '權杖被使用' }), 'en');
    expect(back.id).toBe('event-2023-11-14t2212');
  });
});

describe('snapToPrecision', () => {
  it.each([
    ['second', '2024-03-05T14:18:22.000Z'],
    ['minute', '2024-03-05T14:18:00.000Z'],
    ['hour', '2024-03-05T14:00:00.000Z'],
    ['day', '2024-03-05T00:00:00.000Z'],
    ['month', '2024-03-01T00:00:00.000Z'],
  ] as const)('%s', (precision, iso) => {
    expect(new Date(snapToPrecision(T, precision)).toISOString()).toBe(iso);
  });
});

describe('events', () => {
  it('a new incident with one completed event is a valid file', () => {
    const { doc, id } = addEvent(start(), { title: 'Alert fired', lang: 'en', startMs: T });
    expect(id).toBe('alert-fired');
    // A description is optional (a source may give only a title); where in the source it says is not.
    expect(draftProblems(doc.file).map((p) => p.path)).toEqual(['events[0].citations[0].locator']);
    expect(draftProblems(complete(doc, id).file)).toEqual([]);
  });

  it('a new event starts on a time its precision can state', () => {
    const { doc } = addEvent(start(), { title: 'A', lang: 'en', startMs: T, precision: 'hour' });
    expect(doc.file.events[0]!.start).toBe('2024-03-05T14:00:00Z');
  });

  it('an event added in the draft takes its id from its new title; an existing one keeps its id', () => {
    const a = addEvent(start(), { title: 'New event', lang: 'en', startMs: T });
    const renamed = updateEvent(
      a.doc,
      a.id,
      (e) => ({ ...e, title: setText(e.title, 'en', 'Token used') }),
      'en',
    );
    expect(renamed.id).toBe('token-used');
    const existing = { ...renamed.doc, added: [] };
    const kept = updateEvent(existing, 'token-used', (e) => ({ ...e, title: 'Other' }), 'en');
    expect(kept.id).toBe('token-used');
  });

  it('an added event that another links to keeps its id', () => {
    const a = addEvent(start(), { title: 'First', lang: 'en', startMs: T });
    const b = addEvent(a.doc, { title: 'Second', lang: 'en', startMs: T });
    const linked = updateEvent(
      b.doc,
      'second',
      (e) => ({ ...e, related: [{ event: 'first', kind: 'led-to' }] }),
      'en',
    );
    const renamed = updateEvent(linked.doc, 'first', (e) => ({ ...e, title: 'Renamed' }), 'en');
    expect(renamed.id).toBe('first');
  });

  it('keeps an added event its id when its new title gives that same id', () => {
    const a = addEvent(start(), { title: 'Alert', lang: 'en', startMs: T });
    const b = addEvent(a.doc, { title: 'Token revoked', lang: 'en', startMs: T });
    const retitled = updateEvent(b.doc, 'alert', (e) => ({ ...e, title: 'Alert!' }), 'en');
    expect(retitled.id).toBe('alert');
    const taken = updateEvent(b.doc, 'alert', (e) => ({ ...e, title: 'Token revoked' }), 'en');
    expect(taken.id).toBe('token-revoked-2');
    // "alert" is taken, and "alert-2" is the event's own.
    const c = addEvent(b.doc, { title: 'Alert', lang: 'en', startMs: T });
    expect(c.id).toBe('alert-2');
    expect(updateEvent(c.doc, 'alert-2', (e) => ({ ...e, title: 'ALERT' }), 'en').id).toBe(
      'alert-2',
    );
  });

  it('deleting an event removes the links to it', () => {
    const a = addEvent(start(), { title: 'First', lang: 'en', startMs: T });
    const b = addEvent(a.doc, { title: 'Second', lang: 'en', startMs: T });
    const linked = updateEvent(
      b.doc,
      'second',
      (e) => ({ ...e, related: [{ event: 'first', kind: 'led-to' }] }),
      'en',
    );
    const gone = deleteEvent(linked.doc, 'first');
    expect(gone.file.events.map((e) => e.id)).toEqual(['second']);
    expect(gone.file.events[0]!.related).toEqual([]);
  });

  it('deleting an event takes it out of the indicators that name it, and keeps the list when none does', () => {
    const file = JSON.parse(bundledText) as IncidentFile;
    const named = file.indicators!.find((i) => i.events?.length)!.events![0]!;
    const unnamed = file.events.find(
      (e) => !file.indicators!.some((i) => i.events?.includes(e.id)),
    )!.id;
    const doc: DraftDoc = { file, added: [] };
    expect(deleteEvent(doc, unnamed).file.indicators).toBe(file.indicators);
    const gone = deleteEvent(doc, named).file.indicators!;
    expect(gone.flatMap((i) => i.events ?? [])).not.toContain(named);
    expect(gone.length).toBe(file.indicators!.length);
  });

  it('finds the latest start that is a real time, past starts the file cannot hold', () => {
    const e = addEvent(start(), { title: 'A', lang: 'en', startMs: T }).doc.file.events[0]!;
    const at = (...starts: string[]) => lastStart(starts.map((s) => ({ ...e, start: s })));
    expect(at('2023-11-14T22:12Z', '2023-11-23T10:00:00Z', '2023-11-15')).toBe(
      Date.UTC(2023, 10, 23, 10),
    );
    // 31 February reads as 3 March to Date.parse; a start with no zone is local time to it.
    expect(at('2023-01-05', '2023-02-31T00:00:00Z', '2023-06-01T00:00')).toBe(Date.UTC(2023, 0, 5));
    expect(at('soon')).toBeUndefined();
    expect(lastStart([])).toBeUndefined();
    // Within the latest minute, by seconds and milliseconds; a day reads as its midnight.
    expect(at('2023-11-23T10:00Z', '2023-11-23T10:00:30.5Z', '2023-11-23T10:00:30Z')).toBe(
      Date.UTC(2023, 10, 23, 10, 0, 30, 500),
    );
    expect(at('2023-11-22T23:59Z', '2023-11-23')).toBe(Date.UTC(2023, 10, 23));
    // A start being typed sorts last as text: the real times are still read.
    expect(at('2023-11-3', '2023-11-23T10:00Z', '2023-11-23T10:00:60Z')).toBe(
      Date.UTC(2023, 10, 23, 10),
    );
    expect(at('2023-11-23T10:00Z', '2023-11-23T2', '2023-11-23')).toBe(Date.UTC(2023, 10, 23, 10));
    expect(lastStart([{ ...e, start: 5 as unknown as string }, e])).toBe(parseUtc(e.start));
  });

  it('finds the latest start as reading every start would', () => {
    const e = addEvent(start(), { title: 'A', lang: 'en', startMs: T }).doc.file.events[0]!;
    // Few values of each field, real and not, so that starts often share a day or a minute.
    const of = (...values: string[]) => fc.constantFrom(...values);
    const time = fc
      .tuple(
        of('10', '24'),
        of('00', '59', '60'),
        fc.option(of('00', '30', '60')),
        fc.option(of('5', '50')),
      )
      .map(
        ([h, m, s, ms]) => `T${h}:${m}${s === null ? '' : `:${s}${ms === null ? '' : `.${ms}`}`}Z`,
      );
    const starts = fc.array(
      fc.oneof(
        fc
          .tuple(of('02', '11', '13'), of('23', '29', '31'), fc.option(time))
          .map(([mo, d, t]) => `2023-${mo}-${d}${t ?? ''}`),
        fc.constantFrom('2023-11-3', 'soon', ''),
      ),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(starts, (list) => {
        const read = list.map(parseUtc).filter((ms) => ms !== undefined);
        expect(lastStart(list.map((s) => ({ ...e, start: s })))).toBe(
          read.length === 0 ? undefined : Math.max(...read),
        );
      }),
    );
  });

  it('moving keeps a range its length and snaps to precision', () => {
    const a = addEvent(start(), { title: 'Range', lang: 'en', startMs: Date.UTC(2024, 0, 1, 10) });
    const ranged = updateEvent(
      a.doc,
      'range',
      (e) => ({ ...e, end: '2024-01-01T12:00:00Z' }),
      'en',
    );
    const moved = moveEvent(ranged.doc, 'range', Date.UTC(2024, 0, 2, 8, 0, 40));
    expect(moved.file.events[0]).toMatchObject({
      start: '2024-01-02T08:00:00Z',
      end: '2024-01-02T10:00:00Z',
    });
  });
});

describe('withPrecision', () => {
  const e = {
    ...addEvent(start(), { title: 'A', lang: 'en', startMs: T, precision: 'second' }).doc.file
      .events[0]!,
    end: '2024-03-05T16:40:10Z',
  };

  it.each([
    ['second', '2024-03-05T14:18:22Z', '2024-03-05T16:40:10Z'],
    ['minute', '2024-03-05T14:18:00Z', '2024-03-05T16:40:00Z'],
    ['day', '2024-03-05T00:00:00Z', '2024-03-05T00:00:00Z'],
    ['month', '2024-03-01T00:00:00Z', '2024-03-01T00:00:00Z'],
  ] as const)(
    '%s cuts the times to what it states, and the schema accepts them',
    (precision, s, end) => {
      const next = withPrecision(e, precision);
      expect(next).toMatchObject({ precision, start: s, end });
      const doc = complete({ ...start(), file: { ...start().file, events: [next] } }, e.id);
      expect(draftProblems(doc.file)).toEqual([]);
    },
  );

  it('keeps the text of a time it does not change, and an event without an end has none', () => {
    const point = { ...e, start: '2024-03-05T00:00:00.000Z', end: undefined };
    const next = withPrecision(point, 'day');
    expect(next.start).toBe('2024-03-05T00:00:00.000Z');
    expect(next.end).toBeUndefined();
  });
});

describe('taxonomies', () => {
  it('a phase in use is not removed without saying where its events go', () => {
    const added = addTerm(start(), 'phases', 'Containment', 'en');
    const e = addEvent(added.doc, { title: 'A', lang: 'en', startMs: T });
    expect(removeTerm(e.doc, 'phases', 'incident')).toBeUndefined();
    const moved = removeTerm(e.doc, 'phases', 'incident', 'containment')!;
    expect(moved.file.phases.map((p) => p.id)).toEqual(['containment']);
    expect(moved.file.events[0]!.phase).toBe('containment');
  });

  it('a system removed in favour of one the event already names is listed once', () => {
    const added = addTerm(start(), 'systems', 'Okta', 'en');
    const e = addEvent(added.doc, { title: 'A', lang: 'en', startMs: T });
    const both = updateEvent(e.doc, 'a', (x) => ({ ...x, systems: ['system', 'okta'] }), 'en');
    expect(removeTerm(both.doc, 'systems', 'system', 'okta')!.file.events[0]!.systems).toEqual([
      'okta',
    ]);
  });

  it('an unused term goes without a destination', () => {
    const added = addTerm(start(), 'actors', 'Attacker', 'en');
    expect(removeTerm(added.doc, 'actors', 'attacker')!.file.actors.map((a) => a.id)).toEqual([
      'responder',
    ]);
  });
});

describe('showableIncident', () => {
  it('shows the valid events of a draft whose other events have problems', () => {
    const a = addEvent(start(), { title: 'Done', lang: 'en', startMs: T });
    const b = addEvent(complete(a.doc, 'done'), { title: 'Half', lang: 'en', startMs: T });
    expect(showableIncident(b.doc.file)?.events.map((e) => e.id)).toEqual(['done']);
  });

  it('shows nothing when the problem is outside the events', () => {
    expect(showableIncident({ ...start().file, title: '' })).toBeUndefined();
  });
});

describe('indicators', () => {
  it.each([
    ['193.142.58.126', '193[.]142[.]58[.]126'],
    ['https://evil.example/x', 'hxxps[://]evil[.]example/x'],
  ])('%s <-> %s', (value, defanged) => {
    expect(defang(value)).toBe(defanged);
    expect(refang(defanged)).toBe(value);
  });
});
