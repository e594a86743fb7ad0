import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledText } from './bundled.test-helper';
import { addEvent, addTerm, newIncident, updateEvent, type DraftDoc } from './draft';
import { draftProblems } from './draft-check';
import type { IncidentFile } from './incident';
import {
  addIndicator,
  addLanguage,
  addTechnique,
  canDropSystem,
  guessIndicatorType,
  mapTexts,
  movePhase,
  phasesInOrder,
  removeIndicator,
  removeLanguage,
  removeTermMoving,
  renameTerm,
  sameNamed,
  setTechniqueId,
  termUseCounts,
  textsIn,
  updateIndicator,
} from './taxonomy';
import { STARTER_WORDS } from './starter.test-helper';

const words = STARTER_WORDS;
const T = Date.UTC(2024, 2, 5, 14, 18);
const bundled = (): DraftDoc => ({ file: JSON.parse(bundledText) as IncidentFile, added: [] });

/** A new incident with two valid events, both in the starter phase and system. */
function twoEvents(): DraftDoc {
  let doc: DraftDoc = { file: newIncident('untitled', words), added: [] };
  for (const [title, at] of [
    ['Alert fired', T],
    ['Token revoked', T + 3_600_000],
  ] as const) {
    const r = addEvent(doc, { title, lang: 'en', startMs: at });
    doc = updateEvent(
      r.doc,
      r.id,
      (e) => ({
        ...e,
        description: { en: 'Seen.' },
        citations: [{ source: 'notes', locator: { en: 'Log' } }],
      }),
      'en',
    ).doc;
  }
  expect(draftProblems(doc.file)).toEqual([]);
  return doc;
}

describe('removing a term that events use', () => {
  it('moves its events to the chosen phase, and the draft stays valid', () => {
    const r = addTerm(twoEvents(), 'phases', 'Containment', 'en');
    const next = removeTermMoving(r.doc, 'phases', 'incident', r.id)!;
    expect(next.file.phases.map((p) => p.id)).toEqual(['containment']);
    expect(next.file.events.map((e) => e.phase)).toEqual(['containment', 'containment']);
    expect(draftProblems(next.file)).toEqual([]);
  });

  it('refuses without a destination for a phase, and for a system that is some event’s only one', () => {
    const doc = twoEvents();
    expect(removeTermMoving(doc, 'phases', 'incident')).toBeUndefined();
    expect(canDropSystem(doc.file, 'system')).toBe(false);
    expect(removeTermMoving(doc, 'systems', 'system')).toBeUndefined();
  });

  it('takes a system off its events when each has another', () => {
    let doc = addTerm(twoEvents(), 'systems', 'Okta', 'en').doc;
    doc = updateEvent(doc, 'alert-fired', (e) => ({ ...e, systems: ['system', 'okta'] }), 'en').doc;
    const next = removeTermMoving(doc, 'systems', 'okta')!;
    expect(next.file.systems.map((s) => s.id)).toEqual(['system']);
    expect(next.file.events.map((e) => e.systems)).toEqual([['system'], ['system']]);
    expect(draftProblems(next.file)).toEqual([]);
  });

  it('takes a technique off its events, dropping an emptied list', () => {
    let doc = addTechnique(twoEvents(), 'T1078', 'Valid Accounts');
    doc = updateEvent(doc, 'alert-fired', (e) => ({ ...e, techniques: ['T1078'] }), 'en').doc;
    const next = removeTermMoving(doc, 'techniques', 'T1078')!;
    expect(next.file.techniques).toEqual([]);
    expect(next.file.events[0]!.techniques).toBeUndefined();
    expect(draftProblems(next.file)).toEqual([]);
  });

  it('moves the indicators citing a source along with its events', () => {
    const doc = bundled();
    const from = 'cloudflare-blog-zh-hant';
    const to = doc.file.sources.find((s) => s.id !== from)!.id;
    expect(removeTermMoving(doc, 'sources', from)).toBeUndefined();
    const next = removeTermMoving(doc, 'sources', from, to)!;
    expect(next.file.indicators!.flatMap((i) => i.citations.map((c) => c.source))).not.toContain(
      from,
    );
    expect(draftProblems(next.file)).toEqual([]);
  });

  it('counts each term’s events in one pass, as usesOf would', () => {
    const counts = termUseCounts(bundled().file);
    const file = bundled().file;
    for (const p of file.phases)
      expect(counts.phases.get(p.id) ?? 0).toBe(file.events.filter((e) => e.phase === p.id).length);
    for (const s of file.systems)
      expect(counts.systems.get(s.id) ?? 0).toBe(
        file.events.filter((e) => e.systems.includes(s.id)).length,
      );
  });

  it('keeps its counts right through any run of edits, including going back to an earlier version', () => {
    const tally = (lists: readonly (readonly string[])[]) => {
      const m = new Map<string, number>();
      for (const ids of lists) for (const id of new Set(ids)) m.set(id, (m.get(id) ?? 0) + 1);
      return m;
    };
    const expected = (file: IncidentFile) => ({
      phases: tally(file.events.map((e) => [e.phase])),
      systems: tally(file.events.map((e) => e.systems)),
      actors: tally(file.events.map((e) => [e.actor])),
      actions: tally(file.events.map((e) => [e.action])),
      techniques: tally(file.events.map((e) => e.techniques ?? [])),
      sources: tally(file.events.map((e) => e.citations.map((c) => c.source))),
    });
    const start = bundled().file;
    const { phases, systems } = start;
    const edit = fc.record({
      kind: fc.constantFrom('phase', 'systems', 'duplicate', 'delete', 'back'),
      at: fc.nat(),
      term: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 12 }), (edits) => {
        const versions = [start];
        for (const { kind, at, term } of edits) {
          const file = versions.at(-1)!;
          const i = at % file.events.length;
          const e = file.events[i]!;
          const events =
            kind === 'phase'
              ? file.events.with(i, { ...e, phase: phases[term % phases.length]!.id })
              : kind === 'systems'
                ? file.events.with(i, {
                    ...e,
                    systems: [systems[term % systems.length]!.id, ...e.systems],
                  })
                : kind === 'duplicate'
                  ? file.events.toSpliced(i, 0, { ...e, id: `${e.id}-copy-${versions.length}` })
                  : kind === 'delete'
                    ? file.events.toSpliced(i, 1)
                    : versions[term % versions.length]!.events;
          const next = { ...file, events };
          versions.push(next);
          expect(termUseCounts(next)).toEqual(expected(next));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('renaming and ordering', () => {
  it('renames a term in one language, keeping its id and other languages', () => {
    const doc = bundled();
    const phase = doc.file.phases[0]!;
    const next = renameTerm(doc, 'phases', phase.id, 'en', 'Stolen keys');
    const renamed = next.file.phases[0]!;
    expect(renamed.id).toBe(phase.id);
    expect(renamed.label).toEqual({ ...(phase.label as object), en: 'Stolen keys' });
  });

  it('moves a phase earlier and later, renumbering the order', () => {
    const doc = bundled();
    const ids = phasesInOrder(doc.file).map((p) => p.id);
    const up = movePhase(doc, ids[2]!, -1);
    expect(phasesInOrder(up.file).map((p) => p.id)).toEqual([
      ids[0],
      ids[2],
      ids[1],
      ...ids.slice(3),
    ]);
    expect(up.file.phases.map((p) => p.order).sort((a, b) => a - b)).toEqual(ids.map((_, i) => i));
    expect(movePhase(doc, ids[0]!, -1)).toBe(doc);
    expect(movePhase(movePhase(doc, ids[0]!, 1), ids[0]!, -1).file.phases.map((p) => p.id)).toEqual(
      doc.file.phases.map((p) => p.id),
    );
  });

  it('changes a technique id only while no event names it', () => {
    let doc = addTechnique(twoEvents(), 'T107', 'Valid Accounts');
    expect(draftProblems(doc.file).map((p) => p.path)).toEqual(['techniques[0].id']);
    doc = setTechniqueId(doc, 'T107', 'T1078');
    expect(draftProblems(doc.file)).toEqual([]);
    doc = updateEvent(doc, 'alert-fired', (e) => ({ ...e, techniques: ['T1078'] }), 'en').doc;
    expect(setTechniqueId(doc, 'T1078', 'T1079')).toBe(doc);
  });
});

describe('indicators', () => {
  it.each([
    ['193.142.58.126', 'ipv4'],
    ['193.142.58[.]126', 'ipv4'],
    ['2001:db8::1', 'ipv6'],
    ['hxxps[://]evil.example/a', 'url'],
    ['evil.example', 'domain'],
    ['jvm-agent', 'file'],
  ] as const)('%s is guessed to be %s', (value, type) => {
    expect(guessIndicatorType(value)).toBe(type);
  });

  it('derives the defanged form from the value, and the value from the defanged form', () => {
    const r = addIndicator(twoEvents(), '193.142.58.126', 'en');
    expect(r.id).toBe('193-142-58-126');
    expect(r.doc.file.indicators![0]).toMatchObject({
      type: 'ipv4',
      value: '193.142.58.126',
      defanged: '193[.]142[.]58[.]126',
    });
    const byValue = updateIndicator(r.doc, r.id, { value: 'https://evil.example' });
    expect(byValue.file.indicators![0]!.defanged).toBe('hxxps[://]evil[.]example');
    const byDefanged = updateIndicator(r.doc, r.id, { defanged: 'hxxp[://]bad[.]example' });
    expect(byDefanged.file.indicators![0]!.value).toBe('http://bad.example');
  });

  it('a new indicator asks, through the schema, for its description and where it is cited', () => {
    const r = addIndicator(twoEvents(), 'evil.example', 'en');
    expect(draftProblems(r.doc.file).map((p) => p.path)).toEqual([
      'indicators[0].description',
      'indicators[0].citations[0].locator',
    ]);
    expect(removeIndicator(r.doc, r.id).file).not.toHaveProperty('indicators');
  });

  it('keeps hostile text as the text typed', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const r = addIndicator(twoEvents(), hostile, 'en');
    expect(r.doc.file.indicators![0]!.value).toBe(hostile);
    expect(r.id).toBe('img-src-x-onerror-alert-1');
  });
});

describe('languages', () => {
  it('leaves every text unchanged under the identity', () => {
    const file = bundled().file;
    expect(mapTexts(file, (t) => t)).toEqual(file);
  });

  it('removing a language drops exactly its texts and leaves the bundled incident valid', () => {
    const doc = bundled();
    expect(textsIn(doc.file, 'zh-Hant')).toBeGreaterThan(100);
    const next = removeLanguage(doc, 'zh-Hant');
    expect(next.file.languages).toEqual(['en']);
    expect(textsIn(next.file, 'zh-Hant')).toBe(0);
    expect(textsIn(next.file, 'en')).toBe(textsIn(doc.file, 'en'));
    expect(JSON.stringify(next.file)).not.toContain('憑證遭竊');
    expect(draftProblems(next.file)).toEqual([]);
  });

  it('a required text only in the removed language is left empty, and the schema names it', () => {
    let doc = addLanguage(twoEvents(), 'fr');
    expect(addLanguage(doc, 'fr')).toBe(doc);
    doc = updateEvent(doc, 'alert-fired', (e) => ({ ...e, title: { fr: 'Alerte' } }), 'en').doc;
    expect(textsIn(doc.file, 'fr')).toBe(1);
    const next = removeLanguage(doc, 'fr');
    expect(next.file.languages).toEqual(['en']);
    expect(draftProblems(next.file).map((p) => p.path)).toEqual(['events[0].title']);
  });

  it('an optional text only in the removed language is removed with it', () => {
    let doc = addLanguage(twoEvents(), 'fr');
    doc = updateEvent(
      doc,
      'alert-fired',
      (e) => ({ ...e, inject: { question: { fr: 'Que faire ?' } } }),
      'en',
    ).doc;
    const next = removeLanguage(doc, 'fr');
    expect(next.file.events[0]).not.toHaveProperty('inject');
    expect(draftProblems(next.file)).toEqual([]);
  });
});

describe('sameNamed', () => {
  const file = () => {
    const okta = addTerm(
      { file: newIncident('untitled', words), added: [] },
      'systems',
      'Okta',
      'en',
    );
    return renameTerm(okta.doc, 'systems', 'okta', 'zh-Hant', 'Okta 身分平台').file;
  };

  it.each([
    ['systems', 'Okta', 'okta'],
    ['systems', '  okta ', 'okta'],
    ['systems', 'OKTA', 'okta'],
    ['systems', 'Okta  身分平台', 'okta'],
    ['systems', 'Okta tenant', undefined],
    ['systems', '', undefined],
    ['actors', 'Okta', undefined],
    ['actors', words.actor, 'responder'],
    ['sources', words.source, 'notes'],
  ] as const)('%s: %j is taken by %s', (list, name, id) => {
    expect(sameNamed(file(), list, name)).toBe(id);
  });

  it('leaves out the term being renamed', () => {
    expect(sameNamed(file(), 'systems', 'Okta', 'okta')).toBeUndefined();
  });
});
