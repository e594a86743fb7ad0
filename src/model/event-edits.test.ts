import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addEvent, deleteEvent, newIncident, updateEvent, type DraftDoc } from './draft';
import { draftProblems } from './draft-check';
import {
  addCitation,
  addLink,
  addTechnique,
  declareEventLanguages,
  eventText,
  eventLinks,
  languageName,
  linkChoices,
  linkSuggestions,
  MAX_LINK_SUGGESTIONS,
  promptLines,
  removeCitation,
  removeLink,
  setEventText,
  setPromptsIn,
  textIn,
  textLanguages,
  withoutNotLinks,
  withTechniques,
} from './event-edits';
import { parseIncident, type EventFile } from './incident';
import { sayIssue } from './zod-issue';
import { STARTER_WORDS } from './starter.test-helper';

const words = STARTER_WORDS;
const T = Date.UTC(2024, 2, 5, 9, 0);

/** A draft with valid events titled `titles`, an hour apart. */
function draft(...titles: string[]): DraftDoc {
  let doc: DraftDoc = { file: newIncident('untitled', words), added: [] };
  titles.forEach((title, i) => {
    const r = addEvent(doc, { title, lang: 'en', startMs: T + i * 3_600_000 });
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
  });
  return doc;
}

describe('texts per language', () => {
  it('lists the UI language first, then the declared ones, then English and Traditional Chinese', () => {
    const file = { ...draft().file, languages: ['ja', 'en'] };
    expect(textLanguages(file, 'zh-Hant')).toEqual(['zh-Hant', 'ja', 'en']);
    expect(textLanguages(file, 'en')).toEqual(['en', 'ja', 'zh-Hant']);
  });

  it.each([
    [undefined, 'en', ''],
    ['Plain', 'en', 'Plain'],
    ['Plain', 'zh-Hant', ''],
    [{ en: 'Hi', 'zh-Hant': '嗨' }, 'zh-Hant', '嗨'],
    [{ en: 'Hi' }, 'ja', ''],
  ])('%j in %s reads %j', (text, lang, shown) => {
    expect(textIn(text, lang)).toBe(shown);
  });

  it('names languages in the UI language', () => {
    expect(languageName('zh-Hant', 'en')).toBe('Traditional Chinese');
    expect(languageName('en', 'zh-Hant')).toBe('英文');
  });

  it('declares a language the event is newly written in, after the others', () => {
    const doc = draft('Alert');
    const written = updateEvent(
      doc,
      'alert',
      (e) => ({ ...e, citations: [{ source: 'notes', locator: { en: 'Log', ja: 'ログ' } }] }),
      'en',
    ).doc;
    expect(declareEventLanguages(written, 'alert').file.languages).toEqual(['en', 'ja']);
    expect(declareEventLanguages(doc, 'alert')).toBe(doc);
  });

  it('writes one language of the prompts line by line and keeps the others', () => {
    const two = setPromptsIn(undefined, 'en', ['Who?', 'When?'])!;
    const both = setPromptsIn(two, 'zh-Hant', ['誰?']);
    expect(both).toEqual([{ en: 'Who?', 'zh-Hant': '誰?' }, { en: 'When?' }]);
    expect(promptLines(both, 'zh-Hant')).toBe('誰?\n');
    // Emptied in English, the first prompt stays for its Chinese; the second has no text left.
    expect(setPromptsIn(both, 'en', [''])).toEqual([{ 'zh-Hant': '誰?' }]);
    expect(setPromptsIn(two, 'en', [''])).toBeUndefined();
    // A new empty line while typing is kept, so the next prompt can be written.
    expect(setPromptsIn(two, 'en', ['Who?', 'When?', ''])).toHaveLength(3);
  });
});

describe('an event text in one language', () => {
  const e = draft('Alert').file.events[0]!;
  it.each(['title', 'description', 'citation-locator', 'inferred', 'inject', 'prompts'] as const)(
    '%s: written in Chinese, read back, English kept',
    (key) => {
      const before = eventText(e, key, 'en');
      const next = setEventText(e, key, 'zh-Hant', '中文');
      expect(eventText(next, key, 'zh-Hant')).toBe('中文');
      expect(eventText(next, key, 'en')).toBe(before);
    },
  );

  it('an emptied title stays, as an empty text the checks report', () => {
    expect(setEventText(e, 'title', 'en', '').title).toBe('');
  });

  it('a second citation has its own locator', () => {
    const two = { ...e, citations: [...e.citations, { source: 'notes', locator: '' }] };
    const next = setEventText(two, 'citation-locator', 'en', 'Page 2', 1);
    expect(next.citations.map((c) => c.locator)).toEqual([{ en: 'Log' }, { en: 'Page 2' }]);
  });

  it.each(['description', 'inferred', 'inject', 'prompts'] as const)(
    'an optional %s emptied in every language leaves the event',
    (key) => {
      const written = setEventText(e, key, 'en', 'Why');
      expect(written).toHaveProperty(key);
      expect(setEventText(written, key, 'en', '')).not.toHaveProperty(key);
    },
  );
});

describe('techniques', () => {
  it('adds a new technique to the incident and the event', () => {
    const r = addTechnique(draft('Alert'), 'alert', { id: ' T1078.004 ', name: 'Cloud Accounts' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.file.techniques).toEqual([{ id: 'T1078.004', name: 'Cloud Accounts' }]);
    expect(r.doc.file.events[0]!.techniques).toEqual(['T1078.004']);
    expect(draftProblems(r.doc.file)).toEqual([]);
  });

  it('adds one the incident lists by id alone, once', () => {
    const first = addTechnique(draft('Alert', 'Login'), 'alert', { id: 'T1078', name: 'Valid' });
    if (!first.ok) throw new Error('refused');
    const again = addTechnique(first.doc, 'login', { id: 'T1078', name: '' });
    if (!again.ok) throw new Error('refused');
    const twice = addTechnique(again.doc, 'login', { id: 'T1078', name: '' });
    if (!twice.ok) throw new Error('refused');
    expect(twice.doc.file.techniques).toHaveLength(1);
    expect(twice.doc.file.events.map((e) => e.techniques)).toEqual([['T1078'], ['T1078']]);
  });

  it.each([
    [
      { id: 'T10', name: 'Short' },
      'id',
      'expected an ATT&CK Enterprise technique id such as "T1078.004"',
    ],
    [{ id: 't1078', name: 'Lower case' }, 'id', 'expected an ATT&CK Enterprise technique id'],
    [{ id: 'T1078', name: ' ' }, 'name', 'Too small'],
  ])('refuses %j with the schema message on its field', (technique, field, message) => {
    const doc = draft('Alert');
    const r = addTechnique(doc, 'alert', technique);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.field).toBe(field);
    expect(r.problem.message).toContain(message);
  });

  it("refuses with what a UI needs to say it in its language: a code, or zod's issue", () => {
    const badId = addTechnique(draft('Alert'), 'alert', { id: 'T10', name: 'Short' });
    expect(!badId.ok && badId.problem).toMatchObject({ code: 'technique-id', params: {} });
    const noName = addTechnique(draft('Alert'), 'alert', { id: 'T1078', name: ' ' });
    const issue = !noName.ok && noName.problem.zodIssue;
    expect(issue && sayIssue(issue, 'zh-Hant')).toMatch(/^數值過小/);
  });

  it('drops the field when no technique is left', () => {
    const e = draft('Alert').file.events[0]!;
    expect(withTechniques({ ...e, techniques: ['T1078'] }, [])).not.toHaveProperty('techniques');
    expect(withTechniques(e, ['T1078']).techniques).toEqual(['T1078']);
  });
});

describe('citations', () => {
  it('adds one without a locator, which the schema then asks for', () => {
    const doc = draft('Alert');
    const e = addCitation(doc.file.events[0]!, 'notes');
    expect(e.citations).toHaveLength(2);
    const problems = draftProblems({ ...doc.file, events: [e] });
    expect(problems.map((p) => p.path)).toEqual(['events[0].citations[1].locator']);
  });

  it('removes one, but never the last', () => {
    const e = addCitation(draft('Alert').file.events[0]!, 'notes');
    expect(removeCitation(e, 0).citations).toEqual([{ source: 'notes', locator: '' }]);
    const one = removeCitation(e, 1);
    expect(removeCitation(one, 0)).toBe(one);
  });
});

describe('links', () => {
  it('in a draft from the database whose links are not all links, lists and edits the others and keeps the rest', () => {
    const linked = addLink(draft('Phish', 'Login', 'Alert', 'Block'), {
      from: 'alert',
      to: 'login',
      kind: 'detected',
    });
    if (!linked.ok) throw new Error(linked.why);
    // What a draft read from the database may hold: a file with these is refused when opened.
    const junk = [null, 7, { event: 'login' }];
    const withJunk = (e: EventFile): EventFile => {
      if (e.id === 'phish') return { ...e, related: 5 as unknown as EventFile['related'] };
      if (e.id === 'block')
        return {
          ...e,
          related: [...junk, { event: 'login', kind: 'led-to' }] as EventFile['related'],
        };
      return e;
    };
    const doc: DraftDoc = {
      ...linked.doc,
      file: {
        ...linked.doc.file,
        events: linked.doc.file.events.map(withJunk),
        indicators: [
          {
            id: 'ioc',
            type: 'ipv4',
            value: '203.0.113.9',
            defanged: '203.0.113[.]9',
            description: 'Scanner',
            events: 3 as unknown as string[],
            citations: [],
          },
        ],
      },
    };
    expect(eventLinks(doc.file, 'login').in).toEqual([
      { from: 'alert', to: 'login', kind: 'detected' },
      { from: 'block', to: 'login', kind: 'led-to' },
    ]);
    expect(eventLinks(doc.file, 'phish').out).toEqual([]);
    expect(eventLinks(doc.file, 'block').out).toEqual([
      { from: 'block', to: 'login', kind: 'led-to' },
    ]);
    // A link added beside them, and one taken off, leave what is not a link where it was.
    const added = addLink(doc, { from: 'block', to: 'alert', kind: 'detected' });
    if (!added.ok) throw new Error(added.why);
    expect(added.doc.file.events.find((e) => e.id === 'block')!.related).toEqual([
      ...junk,
      { event: 'login', kind: 'led-to' },
      { event: 'alert', kind: 'detected' },
    ]);
    const removed = removeLink(added.doc, { from: 'block', to: 'login', kind: 'led-to' });
    expect(removed.file.events.find((e) => e.id === 'block')!.related).toEqual([
      ...junk,
      { event: 'alert', kind: 'detected' },
    ]);
    // A link that would close a cycle is refused as in any draft, whatever else the draft holds.
    const chain = addLink(removed, { from: 'alert', to: 'block', kind: 'led-to' });
    if (!chain.ok) throw new Error(chain.why);
    expect(addLink(chain.doc, { from: 'block', to: 'alert', kind: 'enabled' })).toMatchObject({
      ok: false,
      why: 'cycle',
    });
    // Deleting an event takes the links to it off, and only them.
    const gone = deleteEvent(removed, 'alert');
    expect(gone.file.events.find((e) => e.id === 'block')!.related).toEqual(junk);
    expect(gone.file.events.find((e) => e.id === 'phish')!.related).toBe(5);
    // A new event's id follows its title while nothing links to it.
    const fresh = addEvent(gone, { title: 'Scan', lang: 'en', startMs: T + 9 * 3_600_000 });
    const renamed = updateEvent(
      fresh.doc,
      fresh.id,
      (e) => ({ ...e, title: { en: 'Port scan' } }),
      'en',
    );
    expect(renamed.id).toBe('port-scan');
    // What is not a link can be taken off, the links staying; with no link left, the key goes too.
    const linkProblems = (d: DraftDoc) =>
      draftProblems(d.file)
        .map((p) => p.path)
        .filter((path) => path.includes('related'));
    expect(linkProblems(removed).length).toBeGreaterThan(1);
    const cleared = withoutNotLinks(removed, 'block');
    expect(cleared.file.events.find((e) => e.id === 'block')!.related).toEqual([
      { event: 'alert', kind: 'detected' },
    ]);
    expect(linkProblems(cleared)).toEqual(['events[0].related']);
    const noneLeft = withoutNotLinks(cleared, 'phish');
    expect(noneLeft.file.events.find((e) => e.id === 'phish')).not.toHaveProperty('related');
    expect(linkProblems(noneLeft)).toEqual([]);
    expect(withoutNotLinks(noneLeft, 'block')).toBe(noneLeft);
  });

  it('takes off what is not a link only from the event the form shows, where a draft repeats an id', () => {
    const doc = draft('Phish', 'Login');
    const junk = [null] as unknown as EventFile['related'];
    const [phish, login] = doc.file.events;
    const twice: DraftDoc = {
      ...doc,
      file: { ...doc.file, events: [phish!, login!, { ...login!, related: junk }] },
    };
    expect(withoutNotLinks(twice, 'login')).toBe(twice);
    const shownHasJunk: DraftDoc = {
      ...doc,
      file: { ...doc.file, events: [phish!, { ...login!, related: junk }, login!] },
    };
    const cleared = withoutNotLinks(shownHasJunk, 'login');
    expect(cleared.file.events.map((e) => e.related)).toEqual([undefined, undefined, undefined]);
    expect(cleared.file.events[2]).toBe(shownHasJunk.file.events[2]);
  });

  it('adds a link of any kind, shown both ways, and removes it', () => {
    const doc = draft('Phish', 'Login', 'Alert');
    const r = addLink(doc, { from: 'alert', to: 'login', kind: 'detected' });
    if (!r.ok) throw new Error(r.why);
    expect(eventLinks(r.doc.file, 'alert').out).toEqual([
      { from: 'alert', to: 'login', kind: 'detected' },
    ]);
    expect(eventLinks(r.doc.file, 'login').in).toEqual([
      { from: 'alert', to: 'login', kind: 'detected' },
    ]);
    expect(parseIncident(r.doc.file).ok).toBe(true);
    const removed = removeLink(r.doc, { from: 'alert', to: 'login', kind: 'detected' });
    expect(removed.file.events[2]).not.toHaveProperty('related');
  });

  it('finds the links into an event again after any change to links, and only then', () => {
    const a = addLink(draft('Phish', 'Login', 'Alert'), {
      from: 'alert',
      to: 'login',
      kind: 'detected',
    });
    if (!a.ok) throw new Error(a.why);
    const described = updateEvent(
      a.doc,
      'alert',
      (e) => ({ ...e, description: { en: 'Paged.' } }),
      'en',
    ).doc;
    const b = addLink(described, { from: 'phish', to: 'login', kind: 'led-to' });
    if (!b.ok) throw new Error(b.why);
    const into = eventLinks(a.doc.file, 'login').in;
    expect(into).toEqual([{ from: 'alert', to: 'login', kind: 'detected' }]);
    expect(eventLinks(described.file, 'login').in).toBe(into);
    expect(eventLinks(b.doc.file, 'login').in).toEqual([
      { from: 'phish', to: 'login', kind: 'led-to' },
      { from: 'alert', to: 'login', kind: 'detected' },
    ]);
    expect(eventLinks(b.doc.file, 'phish').in).toEqual([]);
  });

  it('refuses a led-to or enabled link that closes a cycle, with the message the loader gives', () => {
    const a = addLink(draft('Phish', 'Login', 'Alert'), {
      from: 'phish',
      to: 'login',
      kind: 'led-to',
    });
    if (!a.ok) throw new Error(a.why);
    const b = addLink(a.doc, { from: 'login', to: 'alert', kind: 'enabled' });
    if (!b.ok) throw new Error(b.why);
    const cycle = addLink(b.doc, { from: 'alert', to: 'phish', kind: 'led-to' });
    expect(cycle.ok).toBe(false);
    if (cycle.ok || cycle.why !== 'cycle') throw new Error('not refused as a cycle');
    // The file the link would make is refused by the loader for the same cycle, said in the same words.
    const forced = {
      ...b.doc.file,
      events: b.doc.file.events.map((e) =>
        e.id === 'alert' ? { ...e, related: [{ event: 'phish', kind: 'led-to' as const }] } : e,
      ),
    };
    expect(draftProblems(forced)).toContainEqual(
      expect.objectContaining({ code: 'causal-cycle', params: { ids: cycle.cycle } }),
    );
    // A response pointing back at its cause is no cycle.
    expect(addLink(b.doc, { from: 'alert', to: 'phish', kind: 'responded-to' }).ok).toBe(true);
  });

  it('refuses a link that closes a cycle of its own in a draft that has one already, and names the new one', () => {
    const base = draft('Phish', 'Login', 'Alert', 'Spam', 'Bounce');
    const to = (event: string) => [{ event, kind: 'led-to' as const }];
    const links: Record<string, { event: string; kind: 'led-to' }[]> = {
      spam: to('bounce'),
      bounce: to('spam'),
      phish: to('login'),
      login: to('alert'),
    };
    const doc = {
      ...base,
      file: {
        ...base.file,
        events: base.file.events.map((e) => (links[e.id] ? { ...e, related: links[e.id] } : e)),
      },
    };
    expect(addLink(doc, { from: 'alert', to: 'phish', kind: 'led-to' })).toEqual({
      ok: false,
      why: 'cycle',
      cycle: ['alert', 'phish', 'login', 'alert'],
    });
    expect(addLink(doc, { from: 'phish', to: 'alert', kind: 'led-to' }).ok).toBe(true);
    // Two events with one id: the links of both are the id's.
    const twice = {
      ...doc,
      file: {
        ...doc.file,
        events: [...doc.file.events, { ...doc.file.events[0]!, related: to('spam') }],
      },
    };
    expect(addLink(twice, { from: 'bounce', to: 'phish', kind: 'led-to' })).toMatchObject({
      ok: false,
      why: 'cycle',
    });
  });

  it.each([
    [{ from: 'phish', to: 'phish', kind: 'part-of' as const }, 'self'],
    [{ from: 'phish', to: 'nowhere', kind: 'led-to' as const }, 'unknown'],
    [{ from: 'phish', to: 'login', kind: 'led-to' as const }, 'repeat'],
  ])('refuses %j: %s', (link, why) => {
    const a = addLink(draft('Phish', 'Login'), { from: 'phish', to: 'login', kind: 'led-to' });
    if (!a.ok) throw new Error(a.why);
    const r = addLink(a.doc, link);
    expect(r).toMatchObject({ ok: false, why });
  });

  it('labels events by title, telling a shared title apart by id', () => {
    const doc = draft('Login', 'Alert', 'Login');
    expect(linkChoices(doc.file, 'en')).toEqual([
      { id: 'login', label: 'Login (login)' },
      { id: 'alert', label: 'Alert' },
      { id: 'login-2', label: 'Login (login-2)' },
    ]);
  });

  it('labels the events again only when an id or a title changed, and then tells new namesakes apart', () => {
    const doc = draft('Login', 'Alert', 'Logout');
    const first = linkChoices(doc.file, 'en');
    const described = updateEvent(
      doc,
      'alert',
      (e) => ({ ...e, description: { en: 'Paged.' } }),
      'en',
    ).doc;
    expect(linkChoices(described.file, 'en')).toBe(first);
    // A saved event keeps its id when its title changes; an event added in this draft takes its new title's.
    const kept = { ...described, added: [] };
    const retitled = updateEvent(
      kept,
      'logout',
      (e) => ({ ...e, title: { en: 'Login' } }),
      'en',
    ).doc;
    expect(linkChoices(retitled.file, 'en').map((c) => c.label)).toEqual([
      'Login (login)',
      'Alert',
      'Login (logout)',
    ]);
    const renamed = updateEvent(
      described,
      'logout',
      (e) => ({ ...e, title: { en: 'Login' } }),
      'en',
    ).doc;
    expect(linkChoices(renamed.file, 'en')).toEqual([
      { id: 'login', label: 'Login (login)' },
      { id: 'alert', label: 'Alert' },
      { id: 'login-2', label: 'Login (login-2)' },
    ]);
    expect(linkChoices(renamed.file, 'fr').map((c) => c.label)).toEqual(
      linkChoices(
        { ...renamed.file, events: renamed.file.events.map((e) => ({ ...e })) },
        'fr',
      ).map((c) => c.label),
    );
    expect(linkChoices(described.file, 'en')).toEqual(first);
  });

  it('labels any run of changed lists as it would label each from nothing: events added, deleted, moved, retitled', () => {
    const titles = ['Login', 'Alert', 'Logout', ''];
    const op = fc.record({ kind: fc.nat(3), at: fc.nat(), title: fc.constantFrom(...titles) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 10 }), (ops) => {
        let doc = draft('Login', 'Alert', 'Logout', 'Alert');
        const files = [doc.file];
        const labelled = [linkChoices(doc.file, 'en')];
        ops.forEach(({ kind, at, title }, n) => {
          const events = doc.file.events;
          const i = at % events.length;
          const e = { ...events[i]!, id: `e${n}`, title };
          const next = [
            () => events.toSpliced(i, 0, e),
            () => events.toSpliced(i, 1),
            () => events.toSpliced(i, 1).toSpliced(at % events.length, 0, events[i]!),
            () => events.with(i, e),
          ][kind]!();
          if (next.length === 0) return;
          doc = { ...doc, file: { ...doc.file, events: next } };
          files.push(doc.file);
          labelled.push(linkChoices(doc.file, 'en'));
        });
        // Each list labelled from nothing: another language first, so that the last call's labels are not reused.
        files.forEach((file, k) => {
          linkChoices(file, 'fr');
          expect(labelled[k]).toEqual(linkChoices(file, 'en'));
        });
      }),
    );
  });

  it('offers the first events whose title holds what is typed, in any case, never the event itself', () => {
    const choices = Array.from({ length: 200 }, (_, i) => ({
      id: `e${i}`,
      label: i % 2 ? `Login ${i}` : `Alert ${i}`,
    }));
    const offered = linkSuggestions(choices, ' loGIN ', 'e1');
    expect(offered).toHaveLength(MAX_LINK_SUGGESTIONS);
    expect(offered.every((c) => c.label.startsWith('Login'))).toBe(true);
    expect(offered[0]).toEqual({ id: 'e3', label: 'Login 3' });
    expect(linkSuggestions(choices, 'Alert 198', 'e1')).toEqual([
      { id: 'e198', label: 'Alert 198' },
    ]);
    expect(linkSuggestions(choices, '', 'e0')[0]).toEqual({ id: 'e1', label: 'Login 1' });
  });

  it('checks a link among 1,000 events quickly', () => {
    const base = draft('Event');
    const model = base.file.events[0]!;
    // A chain event-0 -> event-1 -> ... -> event-999.
    const events = Array.from({ length: 1000 }, (_, i) => ({
      ...model,
      id: `event-${i}`,
      ...(i < 999 && { related: [{ event: `event-${i + 1}`, kind: 'led-to' as const }] }),
    }));
    const doc = { ...base, file: { ...base.file, events } };
    const t0 = performance.now();
    const r = addLink(doc, { from: 'event-999', to: 'event-0', kind: 'led-to' });
    expect(r).toMatchObject({ ok: false, why: 'cycle' });
    expect(performance.now() - t0).toBeLessThan(200);
  });
});
