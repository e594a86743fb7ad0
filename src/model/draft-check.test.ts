import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { fileOf, newIncident } from './draft';
import {
  checkingInSteps,
  checkInSteps,
  draftProblems,
  problemsOf,
  showableIncident,
  subscribeSteps,
  takeAsChecked,
} from './draft-check';
import { generateIncident } from '../../bench/generate';
import { bundledText, loadBundled } from './bundled.test-helper';
import { parseIncident, type EventFile, type IncidentFile } from './incident';
import type * as IncidentModule from './incident';
import type * as IncidentFast from './incident-fast';
import { textEditOf } from './event-versions';
import { fastCheck } from './incident-fast';

// The real fast check, counted.
vi.mock('./incident-fast', async (importOriginal) => {
  const real = await importOriginal<typeof IncidentFast>();
  return { ...real, fastCheck: vi.fn(real.fastCheck) };
});
// zod's parse of a whole file, counted.
vi.mock('./incident', async (importOriginal) => {
  const real = await importOriginal<typeof IncidentModule>();
  return { ...real, parseIncident: vi.fn(real.parseIncident) };
});
import { sayIssue } from './zod-issue';

const words = {
  lang: 'en',
  title: 'T',
  summary: 'S',
  source: 'Notes',
  phase: 'P',
  system: 'S',
  actor: 'A',
  action: 'O',
};

describe('problemsOf', () => {
  it('gives the same answer for the same file, and a fresh one for an edited copy', () => {
    const file = newIncident('t', words);
    expect(problemsOf(file)).toEqual([]);
    expect(problemsOf(file)).toBe(problemsOf(file));
    const broken = { ...file, title: '' };
    expect(problemsOf(broken).map((p) => p.path)).toContain('title');
  });

  it('checks a valid draft by the fast check, and a draft being fixed by zod alone until it is valid', () => {
    const fast = vi.mocked(fastCheck);
    const file = newIncident('fixing', words);
    // After a valid version, as a draft opens.
    problemsOf(newIncident('opened', words));
    fast.mockClear();
    expect(problemsOf(file)).toEqual([]);
    expect(fast).toHaveBeenCalledTimes(1);
    expect(problemsOf({ ...file, title: '' })).not.toEqual([]);
    expect(fast).toHaveBeenCalledTimes(2);
    expect(problemsOf({ ...file, title: '', summary: 'S2' })).not.toEqual([]);
    expect(problemsOf({ ...file, summary: 'S3' })).toEqual([]);
    expect(fast).toHaveBeenCalledTimes(2);
    expect(problemsOf({ ...file, summary: 'S4' })).toEqual([]);
    expect(fast).toHaveBeenCalledTimes(3);
  });
});

describe('draftProblems', () => {
  // A term's empty name has zod's own message ("Too small: …"); the UI says it in its language from zod's issue.
  it("keeps zod's own messages in English, with zod's issue for the UI language to say", () => {
    const file = newIncident('t', words);
    const broken = { ...file, techniques: [{ id: 'T1078', name: '' }] };
    const [problem, ...others] = draftProblems(broken);
    expect(others).toEqual([]);
    expect(problem!.path).toBe('techniques[0].name');
    expect(problem!.message).toMatch(/^Too small/);
    expect(sayIssue(problem!.zodIssue!, 'zh-Hant')).toMatch(/^數值過小/);
    expect(problemsOf(broken)).toEqual([problem]);
  });
});

describe('showableIncident', () => {
  it("shows a valid draft as zod reads it, and leaves the draft's events as written", () => {
    const file = JSON.parse(bundledText) as IncidentFile;
    const zod = parseIncident(JSON.parse(bundledText));
    if (!zod.ok) throw new Error('the bundled incident should be valid');
    expect(showableIncident(file)).toEqual(zod.incident);
    expect(JSON.stringify(file)).toBe(JSON.stringify(JSON.parse(bundledText)));
  });

  it('keeps the last version’s list of events through a change to the incident’s own fields, and only then', () => {
    const file = JSON.parse(bundledText) as IncidentFile;
    const first = showableIncident(file)!;
    const retitled = showableIncident({ ...file, title: { en: 'Retitled' } })!;
    expect(retitled.title).toEqual({ en: 'Retitled' });
    expect(retitled.events).toBe(first.events);
    const [head, ...rest] = file.events;
    const edited = showableIncident({
      ...file,
      events: [{ ...head!, title: { en: 'Edited' } }, ...rest],
    })!;
    expect(edited.events).not.toBe(first.events);
    expect(edited.events.find((e) => e.id === head!.id)!.title).toEqual({ en: 'Edited' });
  });

  it('checks a version that replaced some events by those events alone, keeping the others as they were shown', () => {
    const fast = vi.mocked(fastCheck);
    const file = JSON.parse(bundledText) as IncidentFile;
    const first = showableIncident(file)!;
    fast.mockClear();
    const at = 7;
    const e = file.events[at]!;
    const next = {
      ...file,
      events: file.events.with(at, { ...e, description: { en: 'Rewritten.' } }),
    };
    const shown = showableIncident(next)!;
    expect(fast).not.toHaveBeenCalled();
    const zod = parseIncident(structuredClone(next));
    if (!zod.ok) throw new Error('the edited incident should be valid');
    expect(shown).toEqual(zod.incident);
    expect(shown.events.filter((x, k) => x !== first.events[k]).map((x) => x.id)).toEqual([e.id]);
    // Noted as a text edit, for the views of the events' shape to be kept.
    expect(textEditOf(shown.events)?.before).toBe(first.events);
    // A new time or precision changes the order: the event moves to its new place, every other stays as shown.
    const midnight = {
      ...e,
      start: '2023-11-01T00:00:00Z',
      end: undefined,
      precision: 'hour' as const,
    };
    const moved = { ...next, events: next.events.with(at, midnight) };
    const vaguer = {
      ...moved,
      events: moved.events.with(at, { ...midnight, precision: 'day' as const }),
    };
    const { id: _id, ...unnamed } = midnight;
    void _id;
    const added = { ...vaguer, events: [...vaguer.events, { ...unnamed, id: 'one-more' }] };
    // An event nothing links to, so that the draft stays valid without it.
    const unlinked = added.events.findIndex(
      (x) =>
        x.id !== e.id &&
        !added.events.some((y) => y.related?.some((r) => r.event === x.id)) &&
        !added.indicators?.some((i) => i.events?.includes(x.id)),
    );
    const deleted = { ...added, events: added.events.toSpliced(unlinked, 1) };
    let previous = shown;
    const others = (events: readonly { id: string }[]) =>
      events.filter(
        (x) => x.id !== e.id && x.id !== 'one-more' && x.id !== added.events[unlinked]!.id,
      );
    for (const version of [moved, vaguer, added, deleted]) {
      const now = showableIncident(version)!;
      const zod = parseIncident(structuredClone(version));
      if (!zod.ok) throw new Error('the changed incident should be valid');
      expect(now).toEqual(zod.incident);
      // Every other event is the very one shown before, in the same order.
      const kept = others(now.events);
      expect(kept).toHaveLength(others(previous.events).length);
      kept.forEach((x, k) => expect(x).toBe(others(previous.events)[k]));
      previous = now;
    }
    expect(fast).not.toHaveBeenCalled();
    expect(showableIncident(deleted)!.events.map((x) => x.id)).not.toContain(
      added.events[unlinked]!.id,
    );
  });

  it('checks a change with a problem by the changed events alone, and shows the draft without them as a change too', () => {
    const zod = vi.mocked(parseIncident);
    // Full-field events, some of which link to others.
    const file = generateIncident(3000, 5, 'full') as IncidentFile;
    const first = showableIncident(file)!;
    const blank = { ...file.events[10]!, id: 'new-one', title: '' };
    const added = { ...file, events: file.events.toSpliced(20, 0, blank) };
    const titled = { ...added, events: added.events.with(20, { ...blank, title: 'New one' }) };
    zod.mockClear();
    const problems = draftProblems(added);
    const shownWithProblem = showableIncident(added);
    const titledProblems = draftProblems(titled);
    const shown = showableIncident(titled)!;
    expect(zod).not.toHaveBeenCalled();
    const byZod = parseIncident(structuredClone(added));
    expect(byZod.ok).toBe(false);
    expect(problems).toEqual(byZod.ok ? [] : byZod.problems);
    expect(problems.map((p) => p.path)).toEqual(['events[20].title']);
    // The event with the problem left out, the rest is the very incident shown before, its views all kept.
    expect(shownWithProblem).toBe(first);
    expect(titledProblems).toEqual([]);
    const valid = parseIncident(structuredClone(titled));
    if (!valid.ok) throw new Error('the titled event should be valid');
    expect(shown).toEqual(valid.incident);
    expect(shown.events.filter((e) => e.id !== 'new-one')).toEqual(first.events);
  });

  it('finds a cycle through the links of the second event with an id as zod does', () => {
    const generated = generateIncident(40, 3, 'full') as IncidentFile;
    const events: EventFile[] = generated.events.map(({ related: _, ...e }) => e);
    const [p, q] = [events[2]!, events[3]!];
    const to = (event: string) => [{ event, kind: 'led-to' as const }];
    const file = { ...generated, events: events.with(2, { ...p, related: to(q.id) }) };
    expect(draftProblems(file)).toEqual([]);
    // p -> q -> y -> p, with a first event of p's id, linking nowhere, put before it.
    const y = { ...events[10]!, id: 'y', related: to(p.id) };
    const version = {
      ...file,
      events: [
        { ...p, title: { en: 'Again' } },
        ...file.events.with(3, { ...q, related: to('y') }),
        y,
      ],
    };
    const byZod = parseIncident(structuredClone(version));
    if (byZod.ok) throw new Error('the version should have problems');
    expect(byZod.problems.map((x) => x.code)).toContain('causal-cycle');
    expect(draftProblems(version)).toEqual(byZod.problems);
  });

  it('shows a draft made of a checked incident as that incident, without checking it again, and its edits as zod would', () => {
    const fast = vi.mocked(fastCheck);
    const incident = loadBundled();
    const file = fileOf(incident);
    fast.mockClear();
    takeAsChecked(file, incident);
    expect(showableIncident(file)).toBe(incident);
    expect(draftProblems(file)).toEqual([]);
    const at = 11;
    const e = file.events[at]!;
    const next = { ...file, events: file.events.with(at, { ...e, title: { en: 'Retitled' } }) };
    const shown = showableIncident(next)!;
    expect(fast).not.toHaveBeenCalled();
    const zod = parseIncident(structuredClone(next));
    if (!zod.ok) throw new Error('the edited incident should be valid');
    expect(shown).toEqual(zod.incident);
    expect(shown.events.filter((x, k) => x !== incident.events[k]).map((x) => x.id)).toEqual([
      e.id,
    ]);
  });

  describe('a large draft checked in steps', () => {
    const fast = vi.mocked(fastCheck);
    const large = () => generateIncident(12_000, 7) as IncidentFile;
    /** A pause that waits for the test to let the check go on. */
    const heldPause = () => {
      let release = () => {};
      let turns = 0;
      const pause = () =>
        new Promise<void>((resolve) => {
          turns++;
          release = resolve;
        });
      return { pause, next: () => release(), turns: () => turns };
    };
    const runOut = async (held: ReturnType<typeof heldPause>, done: Promise<void>) => {
      let finished = false;
      void done.then(() => (finished = true));
      while (!finished) {
        held.next();
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    };

    it('gives the page turns between steps, says so while it runs, and keeps the answer', async () => {
      const file = large();
      const asWritten = JSON.stringify(file);
      const held = heldPause();
      let ended = 0;
      const unsubscribe = subscribeSteps(() => ended++);
      const done = checkInSteps(file, held.pause);
      expect(checkingInSteps(file)).toBe(true);
      expect(checkInSteps(file, held.pause)).toBe(done);
      await runOut(held, done);
      unsubscribe();
      expect(held.turns()).toBeGreaterThan(6);
      expect(checkingInSteps(file)).toBe(false);
      expect(ended).toBe(1);
      fast.mockClear();
      const shown = showableIncident(file);
      expect(fast).not.toHaveBeenCalled();
      const whole = fastCheck(structuredClone(file));
      if (!whole?.ok) throw new Error('the generated incident should be valid');
      expect(shown).toEqual(whole.incident());
      // The draft's own events are left as written (the check gives copies their times).
      expect(JSON.stringify(file)).toBe(asWritten);
    });

    it('keeps the last version’s events through a change to the incident’s own fields', async () => {
      const file = large();
      const first = showableIncident(file)!;
      const retitled = { ...file, title: 'Retitled' };
      await checkInSteps(retitled, () => Promise.resolve());
      expect(showableIncident(retitled)!.events).toBe(first.events);
    });

    it('leaves as the latest a version checked while it ran', async () => {
      const older = large();
      const held = heldPause();
      const done = checkInSteps(older, held.pause);
      const newer = { ...older, title: 'Newer' };
      const shown = showableIncident(newer)!;
      await runOut(held, done);
      fast.mockClear();
      expect(showableIncident(newer)).toBe(shown);
      expect(fast).not.toHaveBeenCalled();
    });

    it('sends a draft it finds a problem in to zod alone', async () => {
      const file = large();
      const broken = {
        ...file,
        events: file.events.with(5, { ...file.events[5]!, phase: 'nope' }),
      };
      await checkInSteps(broken, () => Promise.resolve());
      fast.mockClear();
      expect(draftProblems(broken).map((p) => p.path)).toEqual(['events[5].phase']);
      expect(fast).not.toHaveBeenCalled();
    });
  });

  it('says of any run of edits what zod says of each version', () => {
    const start = JSON.parse(bundledText) as IncidentFile;
    type Edit = (
      e: IncidentFile['events'][number],
      file: IncidentFile,
    ) => IncidentFile['events'][number];
    const edits: Edit[] = [
      (e) => ({ ...e, description: { en: `${String(e.id)} again` } }),
      (e) => ({ ...e, title: { en: 'Retitled', 'zh-Hant': '改名' } }),
      (e) => ({ ...e, title: { english: 'No such language' } }),
      // A tag of the right shape that the platform writes otherwise (as `he`).
      (e) => ({ ...e, description: { iw: 'Deprecated tag' } }),
      (e) => ({ ...e, description: '' }),
      (e) => ({ ...e, citations: [{ source: 'no-such-source', locator: 'p. 1' }] }),
      (e, f) => ({
        ...e,
        citations: [...e.citations, { source: f.sources[0]!.id, locator: 'p. 2' }],
      }),
      (e) => ({ ...e, phase: 'no-such-phase' }),
      (e, f) => ({ ...e, systems: [f.systems[0]!.id, f.systems[0]!.id] }),
      (e, f) => ({ ...e, actor: f.actors.at(-1)!.id }),
      (e) => ({ ...e, outcome: 'maybe' as never }),
      (e) => ({ ...e, precision: 'day' }),
      (e) => ({ ...e, start: '2023-11-23T00:00:00Z', precision: 'day' }),
      (e) => ({ ...e, end: '2024-01-01T00:00:00Z' }),
      (e) => ({ ...e, related: [] }),
      (e) => ({ ...e, related: [{ event: 'no-such-event', kind: 'led-to' }] }),
      (e) => ({ ...e, related: [{ event: e.id, kind: 'led-to' }] }),
      // A cycle through another event: a link back to one that leads here.
      (e, f) => {
        const cause = f.events.find((x) =>
          x.related?.some((r) => r.event === e.id && (r.kind === 'led-to' || r.kind === 'enabled')),
        );
        return cause
          ? { ...e, related: [...(e.related ?? []), { event: cause.id, kind: 'enabled' }] }
          : e;
      },
      (e) => ({ ...e, id: `renamed-${e.id}` }),
      (e, f) => ({ ...e, id: f.events[0]!.id }),
      (e) => ({ ...e, extra: { note: 'kept' } }),
      (e) => ({ ...e, extra: JSON.parse('{"__proto__": "kept"}') as Record<string, string> }),
      (e) => {
        const { description: _gone, ...rest } = e;
        void _gone;
        return rest;
      },
      (e) => ({ ...e, inferred: { reason: { iw: 'Deprecated tag' } } }),
      (e) => ({ ...e, prompts: [{ en: 'What next?' }, ''] }),
      (e) => ({ ...e, inject: { question: { en: 'Who is paged?' } } }),
      (e) => ({ ...e, presentText: { iw: 'Deprecated tag' } }),
      (e, f) => ({ ...e, techniques: [f.techniques![0]!.id, 'T9999'] }),
      (e) => ({ ...e, milestones: ['detection', 'detection'] }),
    ];
    type Events = IncidentFile['events'];
    // Changes to the list itself, as adding, pasting, deleting, dragging and undoing make them; `to` is a position.
    const moves: ((events: Events, i: number, to: number, n: number) => Events)[] = [
      (events, i, to, n) => events.toSpliced(to, 0, { ...events[i]!, id: `added-${n}` }),
      (events, i, to) => events.toSpliced(to, 0, { ...events[i]!, title: '' }),
      (events, i, to, n) =>
        events.toSpliced(to, 0, { ...events[i]!, id: `added-${n}`, citations: [] }),
      (events, i) => events.toSpliced(i, 1),
      // A field written as Add is clicked: one change far from the other.
      (events, i, to, n) => [
        ...events.with(i, { ...events[i]!, description: `Changed ${n}.` }),
        { ...events[to]!, id: `added-${n}` },
      ],
      // Two events trading places in the file, nothing else.
      (events, i, to) => events.with(i, events[to]!).with(to, events[i]!),
      (events, i, to) => events.toSpliced(i, 1).toSpliced(to, 0, events[i]!),
      (events, i, to, n) =>
        events.toSpliced(to, 0, {
          ...events[i]!,
          id: `added-${n}`,
          related: [{ event: events[i]!.id, kind: 'led-to' }],
        }),
    ];
    // showableIncident's answer by zod alone: the draft without the events that have problems.
    const showableByZod = (file: IncidentFile) => {
      const zod = parseIncident(structuredClone(file));
      if (zod.ok) return zod.incident;
      const bad = zod.problems.map((p) => /^events\[(\d+)\]/.exec(p.path)?.[1]);
      if (bad.includes(undefined)) return undefined;
      const kept = file.events.filter((_, i) => !bad.includes(String(i)));
      const ids = new Set(kept.map((e) => e.id));
      const events = kept.map((e) =>
        e.related ? { ...e, related: e.related.filter((r) => ids.has(r.event)) } : e,
      );
      const shown = parseIncident(structuredClone({ ...file, events }));
      return shown.ok ? shown.incident : undefined;
    };
    const kinds = edits.length + 1 + moves.length;
    fc.assert(
      fc.property(
        fc.array(fc.record({ edit: fc.nat(kinds - 1), at: fc.nat(), to: fc.nat() }), {
          maxLength: 8,
        }),
        (run) => {
          let file = start;
          showableIncident(file);
          run.forEach(({ edit, at, to }, n) => {
            const i = at % file.events.length;
            const move = moves[edit - edits.length - 1];
            file =
              edit < edits.length
                ? { ...file, events: file.events.with(i, edits[edit]!(file.events[i]!, file)) }
                : move
                  ? { ...file, events: move(file.events, i, to % file.events.length, n) }
                  : {
                      ...file,
                      systems: file.systems.filter((_, k) => k !== i % file.systems.length),
                    };
            const zod = parseIncident(structuredClone(file));
            expect(draftProblems(file)).toEqual(zod.ok ? [] : zod.problems);
            expect(showableIncident(file)).toEqual(showableByZod(file));
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
