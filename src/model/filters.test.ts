import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { cpuMsSince } from './cpu-time.test-helper';
import {
  buildSearchIndex,
  filterEvents,
  highlight,
  queryResult,
  searchIndexBuilder,
  searchTerms,
  type Query,
} from './filters';
import { parseIncident, type Incident } from './incident';
import { allVersions } from './text';
import { FACETS, valuesOf, type Facet } from './vocabulary';

const bundled = (() => {
  const r = parseIncident(
    JSON.parse(
      readFileSync(
        new URL('../../data/cloudflare-thanksgiving-2023.json', import.meta.url),
        'utf8',
      ),
    ),
  );
  if (!r.ok) throw new Error('bundled incident does not parse');
  return r.incident;
})();
const index = buildSearchIndex(bundled);
const none: Query['filters'] = { phase: [], system: [], actor: [], action: [], outcome: [] };
const ids = (events: { id: string }[]) => events.map((e) => e.id);

function optionsOf(incident: Incident, facet: Facet): string[] {
  return facet === 'outcome'
    ? ['succeeded', 'failed', 'unknown']
    : {
        phase: incident.phases,
        system: incident.systems,
        actor: incident.actors,
        action: incident.actions,
      }[facet].map((x) => x.id);
}

const queryArb: fc.Arbitrary<Query> = fc.record({
  filters: fc.record(
    Object.fromEntries(
      FACETS.map((f) => [f, fc.subarray(optionsOf(bundled, f), { maxLength: 3 })]),
    ) as Record<Facet, fc.Arbitrary<string[]>>,
  ),
  q: fc.constantFrom('', 'jira', 'sliver', 'T1078', '193.142.58', '帳戶', 'no such thing'),
});

describe('filterEvents', () => {
  it('ORs options within a facet and ANDs across facets', () => {
    const q: Query = {
      filters: { ...none, system: ['jira', 'confluence'], phase: ['containment'] },
      q: '',
    };
    const expected = bundled.events.filter(
      (e) => e.phase === 'containment' && e.systems.some((s) => s === 'jira' || s === 'confluence'),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(filterEvents(bundled.events, q, index))).toEqual(ids(expected));
  });

  it('finds events by system label, technique, indicator and in either language', () => {
    const find = (q: string) => ids(filterEvents(bundled.events, { filters: none, q }, index));
    expect(find('sliver')).toContain('sliver-installed');
    expect(find('T1136')).toContain('atlassian-account-created');
    expect(find('193.142.58[.]126').length).toBeGreaterThan(0);
    expect(find('移除')).toContain('sliver-removed');
    expect(find('JIRA confluence')).toEqual(find('confluence jira'));
  });

  it('ignores case the same way whatever the reader\'s locale: a Turkish "I" still finds "i"', () => {
    const lower = String.prototype.toLocaleLowerCase;
    // A browser in Turkish lowers "I" to a dotless "ı", so "SLIVER" would look for "slıver".
    const turkish = vi.spyOn(String.prototype, 'toLocaleLowerCase').mockImplementation(function (
      this: string,
    ) {
      return lower.call(this, 'tr');
    });
    try {
      const found = filterEvents(
        bundled.events,
        { filters: none, q: 'SLIVER' },
        buildSearchIndex(bundled),
      );
      expect(found.length).toBeGreaterThan(0);
      expect(ids(found)).toEqual(
        ids(filterEvents(bundled.events, { filters: none, q: 'sliver' }, index)),
      );
    } finally {
      turkish.mockRestore();
    }
  });

  it('finds and marks a dotted capital "İ" as an "i", one character for one', () => {
    const [first, ...rest] = bundled.events;
    const events = [{ ...first!, title: 'İstanbul relay' }, ...rest];
    const found = filterEvents(
      events,
      { filters: none, q: 'istanbul' },
      buildSearchIndex({ ...bundled, events }),
    );
    expect(ids(found)).toEqual([first!.id]);
    expect(highlight('İstanbul relay', 'istanbul')).toEqual([
      { text: 'İstanbul', match: true },
      { text: ' relay', match: false },
    ]);
  });

  it('finds a term in any text of an event, whatever script the text is in, as one joined text did', () => {
    const [first, second] = bundled.events;
    const incident = {
      ...bundled,
      events: [
        // Latin words inside Chinese, a full-width word, and a sign that normalizing takes out of Latin-1.
        {
          ...first!,
          title: { en: 'Plain', 'zh-Hant': '在 Okta 中發現 ＡＣＭＥ' },
          description: 'µs',
        },
        { ...second!, title: { en: 'Crème brûlée', 'zh-Hant': '其他' }, description: undefined },
      ],
    };
    const find = (q: string) =>
      ids(filterEvents(incident.events, { filters: none, q }, buildSearchIndex(incident)));
    expect(find('okta 發現')).toEqual([first!.id]);
    expect(find('acme plain')).toEqual([first!.id]);
    expect(find('μs')).toEqual([first!.id]);
    expect(find('µs')).toEqual([first!.id]);
    expect(find('crème 其他')).toEqual([second!.id]);
  });

  it('finds what searching the texts of each event joined in one string finds, for text in any script', () => {
    // Letters that lowercasing or NFKC move into Latin-1 or out of it, Chinese, and the separators.
    const letters = [
      'a',
      'B',
      'é',
      'Ÿ',
      'µ',
      'ß',
      'Σ',
      'ς',
      'İ',
      'Ａ',
      '在',
      '發',
      '½',
      ' ',
      '\n',
      '-',
    ];
    const text = fc.array(fc.constantFrom(...letters), { maxLength: 8 }).map((cs) => cs.join(''));
    const [first] = bundled.events;
    fc.assert(
      fc.property(
        fc.array(fc.record({ en: text, zh: text, description: text }), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.array(text, { minLength: 1, maxLength: 3 }),
        (texts, terms) => {
          // No systems, techniques or indicators: the texts are the titles and descriptions alone.
          const events = texts.map(({ en, zh, description }, i) => ({
            ...first!,
            id: `e${i}`,
            title: { en, 'zh-Hant': zh },
            description,
            systems: [],
            techniques: undefined,
          }));
          const q = terms.join(' ');
          // Lowered without a locale, a dotted capital İ as one i (src/model/filters.ts).
          const joined = (e: (typeof events)[number]) =>
            [...allVersions(e.title), e.description]
              .join('\n')
              .normalize('NFKC')
              .replace(/\u0130/g, 'i')
              .toLowerCase();
          const incident = { ...bundled, events, indicators: [] };
          const found = filterEvents(events, { filters: none, q }, buildSearchIndex(incident));
          const expected = events.filter((e) => searchTerms(q).every((t) => joined(e).includes(t)));
          expect(ids(found)).toEqual(ids(expected));
        },
      ),
    );
  });

  it('finds a dotted capital İ by an i, and a term across it', () => {
    const [first] = bundled.events;
    const events = [{ ...first!, id: 'e0', title: 'İade', description: '', systems: [] }];
    const index = buildSearchIndex({ ...bundled, events, indicators: [] });
    expect(ids(filterEvents(events, { filters: none, q: 'iade' }, index))).toEqual(['e0']);
  });

  it('keeps in its narrow texts only what one byte a character can hold', () => {
    const built = buildSearchIndex(bundled);
    expect(built.narrow.every((t) => /^[\0-\xff]*$/.test(t))).toBe(true);
    expect(built.wide.some((t) => t.includes('移除'))).toBe(true);
    expect(built.narrow.some((t) => t.includes('sliver'))).toBe(true);
  });

  it('never adds an event', () => {
    fc.assert(
      fc.property(queryArb, (q) => {
        const out = filterEvents(bundled.events, q, index);
        const all = new Set(ids(bundled.events));
        expect(out.every((e) => all.has(e.id))).toBe(true);
        expect(out.length).toBeLessThanOrEqual(bundled.events.length);
      }),
    );
  });

  it('returns every event once the filters are cleared', () => {
    expect(filterEvents(bundled.events, { filters: none, q: '' }, index)).toEqual(bundled.events);
    // The same array, so what the chart derives from the whole incident is reused.
    expect(queryResult(bundled.events, { filters: none, q: ' ' }, index).shown).toBe(
      bundled.events,
    );
  });

  it('gives the same result whatever order the filters are applied in', () => {
    fc.assert(
      fc.property(queryArb, fc.shuffledSubarray([...FACETS], { minLength: 5 }), (q, order) => {
        let events = bundled.events;
        for (const f of order)
          events = filterEvents(events, { filters: { ...none, [f]: q.filters[f] }, q: '' }, index);
        events = filterEvents(events, { filters: none, q: q.q }, index);
        expect(ids(events)).toEqual(ids(filterEvents(bundled.events, q, index)));
      }),
    );
  });

  it('counts all of a new event list afresh once nothing filters, and the same list once', () => {
    const query = { filters: none, q: '' };
    const all = queryResult(bundled.events, query, index);
    expect(queryResult(bundled.events, query, index)).toBe(all);
    // An edit gives the incident a new list: here every event failed.
    const edited = bundled.events.map((e) => ({ ...e, outcome: 'failed' as const }));
    const after = queryResult(edited, query, index);
    expect([...after.counts.outcome]).toEqual([['failed', edited.length]]);
    expect(all.counts.outcome.get('failed')).toBeLessThan(edited.length);
  });

  it('counts for each option what choosing it would show, given the other facets', () => {
    fc.assert(
      fc.property(queryArb, (q) => {
        const { shown, rows, counts } = queryResult(bundled.events, q, index);
        expect(ids(shown)).toEqual(ids(filterEvents(bundled.events, q, index)));
        if (rows) expect([...rows].map((r) => bundled.events[r])).toEqual(shown);
        for (const facet of FACETS) {
          for (const option of optionsOf(bundled, facet)) {
            const alone = filterEvents(
              bundled.events,
              { ...q, filters: { ...q.filters, [facet]: [option] } },
              index,
            );
            expect(counts[facet].get(option) ?? 0).toBe(
              alone.filter((e) => valuesOf(e, facet).includes(option)).length,
            );
          }
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('highlight', () => {
  it('marks every occurrence of every term, case-insensitively', () => {
    expect(highlight('Jira ticket, Jira wiki', 'jira wiki')).toEqual([
      { text: 'Jira', match: true },
      { text: ' ticket, ', match: false },
      { text: 'Jira', match: true },
      { text: ' ', match: false },
      { text: 'wiki', match: true },
    ]);
  });
  it('leaves text alone without a query', () => {
    expect(highlight('abc', '  ')).toEqual([{ text: 'abc', match: false }]);
  });
});

describe('buildSearchIndex', () => {
  it('indexes an event that 20,000 indicators point at in linear time', () => {
    const [first] = bundled.events;
    const indicators = Array.from({ length: 20_000 }, (_, i) => ({
      ...bundled.indicators![0]!,
      id: `ind-${i}`,
      value: `host-${i}.example`,
      defanged: `host-${i}[.]example`,
      events: [first!.id],
    }));
    const started = process.cpuUsage();
    const built = buildSearchIndex({ ...bundled, indicators });
    // Copying the growing list for each reference took tens of seconds here.
    expect(cpuMsSince(started)).toBeLessThan(2000);
    expect(built.narrow[0]).toContain('host-19999[.]example');
  });
});

describe('searchIndexBuilder', () => {
  it('leaves events it has not indexed yet unfound, instead of failing', () => {
    const builder = searchIndexBuilder(bundled);
    builder.step(10);
    const found = filterEvents(bundled.events, { filters: none, q: 'okta' }, builder.index);
    const all = filterEvents(bundled.events, { filters: none, q: 'okta' }, index);
    expect(found.length).toBeGreaterThan(0);
    expect(ids(found)).toEqual(ids(all.filter((e) => bundled.events.indexOf(e) < 10)));
  });

  it('builds the same index a few events at a time, and says when it is done', () => {
    const builder = searchIndexBuilder(bundled);
    expect(builder.step(10)).toBe(false);
    expect(builder.index.narrow).toHaveLength(10);
    expect(builder.index.wide).toHaveLength(10);
    while (!builder.step(7));
    expect(builder.done).toBe(true);
    expect(builder.step(7)).toBe(true);
    expect(builder.index).toEqual(index);
  });
});
