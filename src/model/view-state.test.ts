import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GROUP_BYS } from './chart-model';
import { parseIncident } from './incident';
import { minimalIncident } from './test-incident';
import {
  appUrl,
  DEFAULT_VIEW,
  parseViewState,
  resolveAgainst,
  serializeViewState,
  THEMES,
  type ViewState,
} from './view-state';
import { FACETS } from './vocabulary';

const slug = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/);
const ids = fc.uniqueArray(slug, { maxLength: 4 });
const second = 1000;
const viewState: fc.Arbitrary<ViewState> = fc.record({
  src: fc.option(fc.webUrl(), { nil: undefined }),
  draft: fc.option(fc.stringMatching(/^[a-z0-9-]{1,64}$/), { nil: undefined }),
  filters: fc.record(
    Object.fromEntries(FACETS.map((f) => [f, ids])) as Record<(typeof FACETS)[number], typeof ids>,
  ),
  q: fc.string({ maxLength: 20 }),
  event: fc.option(slug, { nil: undefined }),
  group: fc.constantFrom(...GROUP_BYS),
  window: fc.option(
    fc
      .tuple(fc.integer({ min: 0, max: 4e9 }), fc.integer({ min: 1, max: 4e6 }))
      .map(([a, len]) => ({ from: a * second, to: (a + len) * second })),
    { nil: undefined },
  ),
  lang: fc.option(fc.constantFrom('en' as const, 'zh-Hant' as const), { nil: undefined }),
  mode: fc.constantFrom('full' as const, 'present' as const, 'embed' as const, 'edit' as const),
  theme: fc.option(fc.constantFrom(...THEMES), { nil: undefined }),
  dim: fc.boolean(),
  bands: fc.boolean(),
  compress: fc.boolean(),
  controls: fc.boolean(),
  links: fc.boolean(),
  path: fc.boolean(),
  reveal: fc.boolean(),
  inject: fc.boolean(),
  presenter: fc.boolean(),
  session: fc.option(fc.uuid(), { nil: undefined }),
});

describe('view state in the URL', () => {
  it('parse(serialize(x)) equals x', () => {
    fc.assert(
      fc.property(viewState, (state) => {
        const { state: back, malformed } = parseViewState(serializeViewState(state));
        expect(malformed).toEqual([]);
        expect(back).toEqual(state);
      }),
    );
  });

  it('writes the default view as an empty query', () => {
    expect(serializeViewState(DEFAULT_VIEW)).toBe('');
  });

  it('writes readable links', () => {
    const state = {
      ...DEFAULT_VIEW,
      filters: { ...DEFAULT_VIEW.filters, phase: ['containment'], system: ['jira', 'confluence'] },
      window: { from: Date.parse('2023-11-23T15:00:00Z'), to: Date.parse('2023-11-23T22:00:00Z') },
    };
    expect(serializeViewState(state)).toBe(
      '?phase=containment&system=jira,confluence&from=2023-11-23T15:00:00Z&to=2023-11-23T22:00:00Z',
    );
  });

  it('writes links and a traced path as flags', () => {
    const state = { ...DEFAULT_VIEW, event: 'sliver-installed', links: true, path: true };
    expect(serializeViewState(state)).toBe('?event=sliver-installed&links=1&path=1');
    expect(parseViewState('?links=1&path=1&event=sliver-installed').state).toEqual(state);
  });

  it('writes a present-mode step with its inject sub-step and the presenter view', () => {
    const state = {
      ...DEFAULT_VIEW,
      mode: 'present' as const,
      event: 'automated-alert',
      inject: true,
      presenter: true,
    };
    expect(serializeViewState(state)).toBe(
      '?event=automated-alert&mode=present&inject=1&presenter=1',
    );
    expect(
      parseViewState('?mode=present&event=automated-alert&inject=1&presenter=1').state,
    ).toEqual(state);
  });

  it('lets an embed default to a single stack of lanes, and keeps lanes a link names', () => {
    expect(parseViewState('?mode=embed').state.group).toBe('none');
    expect(parseViewState('?mode=embed&group=system').state.group).toBe('system');
    expect(serializeViewState({ ...DEFAULT_VIEW, mode: 'embed', group: 'system' })).toBe(
      '?group=system&mode=embed',
    );
    expect(serializeViewState({ ...DEFAULT_VIEW, mode: 'embed', group: 'none' })).toBe(
      '?mode=embed',
    );
  });

  it.each([
    ['inject=yes&presenter=2', ['inject', 'presenter'], { inject: false, presenter: false }],
    ['group=sideways', ['group'], { group: 'system' }],
    ['mode=fullscreen', ['mode'], { mode: 'full' }],
    ['from=yesterday&to=2023-11-24', ['from'], { window: undefined }],
    ['from=2023-11-24&to=2023-11-23', ['to'], { window: undefined }],
    ['from=2023-02-31&to=2023-03-05', ['from'], { window: undefined }],
    ['from=2023-11-20&to=2023-11-31T10:00Z', ['to'], { window: undefined }],
    ['from=yesterday&to=never', ['from', 'to'], { window: undefined }],
    ['from=2023-11-20', ['from'], { window: undefined }],
    ['to=2023-11-20', ['to'], { window: undefined }],
    ['lang=fr&dim=yes', ['lang', 'dim'], { lang: undefined, dim: false }],
    ['links=on&path=2', ['links', 'path'], { links: false, path: false }],
    ['session=incident-timeline', ['session'], { session: undefined }],
  ])('falls back to defaults for %s', (query, malformed, expected) => {
    const parsed = parseViewState(query);
    expect(parsed.malformed).toEqual(malformed);
    expect(parsed.state).toMatchObject(expected);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.string(), (s) => void parseViewState(s)));
  });

  it('drops ids the incident does not have and says which', () => {
    const r = parseIncident(minimalIncident());
    if (!r.ok) throw new Error('fixture');
    const { state } = parseViewState('?phase=access,gone&outcome=failed,maybe&event=nope');
    const resolved = resolveAgainst(state, r.incident);
    expect(resolved.state.filters.phase).toEqual(['access']);
    expect(resolved.state.filters.outcome).toEqual(['failed']);
    expect(resolved.state.event).toBeUndefined();
    expect(resolved.ignored).toEqual([
      { param: 'phase', id: 'gone' },
      { param: 'outcome', id: 'maybe' },
      { param: 'event', id: 'nope' },
    ]);
  });

  it('drops inject=1 on an event without an inject question and says which, keeping it on one with', () => {
    const file = minimalIncident();
    file.events[0]!.inject = { question: 'What do you check first?' };
    const r = parseIncident(file);
    if (!r.ok) throw new Error('fixture');
    const without = resolveAgainst(
      parseViewState('?event=second-login&inject=1').state,
      r.incident,
    );
    expect(without.state).toMatchObject({ event: 'second-login', inject: false });
    expect(without.ignored).toEqual([{ param: 'inject', id: '1', noInject: 'second-login' }]);
    const withOne = resolveAgainst(parseViewState('?event=first-login&inject=1').state, r.incident);
    expect(withOne.state).toMatchObject({ event: 'first-login', inject: true });
    expect(withOne.ignored).toEqual([]);
  });

  it.each([
    ['an outcome filter', 'outcome=failed', true],
    ['a search', 'q=again', true],
    ['no filter', '', false],
  ])(
    'in present mode, with %s, drops the event when it is not a step, and says why',
    (_, filter, dropped) => {
      const r = parseIncident(minimalIncident());
      if (!r.ok) throw new Error('fixture');
      const link = `?mode=present&event=first-login&${filter}`;
      const present = resolveAgainst(parseViewState(link).state, r.incident);
      expect(present.state.event).toBe(dropped ? undefined : 'first-login');
      expect(present.ignored).toEqual(
        dropped ? [{ param: 'event', id: 'first-login', filteredOut: true }] : [],
      );
      // Elsewhere a filtered-out selection stays: its details are still shown.
      const full = resolveAgainst(
        parseViewState(link.replace('mode=present&', '')).state,
        r.incident,
      );
      expect(full.state.event).toBe('first-login');
      expect(full.ignored).toEqual([]);
    },
  );

  it('in present mode drops inject=1 with no event to ask it of, and says why', () => {
    const file = minimalIncident();
    file.events[0]!.inject = { question: 'What do you check first?' };
    const r = parseIncident(file);
    if (!r.ok) throw new Error('fixture');
    for (const link of [
      '?mode=present&inject=1',
      '?mode=present&inject=1&event=first-login&outcome=failed',
    ]) {
      const resolved = resolveAgainst(parseViewState(link).state, r.incident);
      expect(resolved.state).toMatchObject({ event: undefined, inject: false });
      expect(resolved.ignored).toContainEqual({ param: 'inject', id: '1', noEvent: true });
    }
  });
});

describe('appUrl', () => {
  const href =
    'https://ir.example/timeline/?src=data/x.json&phase=access&from=2023-11-23T00:00:00Z&to=2023-11-24T00:00:00Z';

  it('changes the view and keeps the rest of the address, path and query only by default', () => {
    expect(appUrl(href, (s) => ({ ...s, presenter: true }))).toBe(
      '/timeline/?src=data%2Fx.json&phase=access&from=2023-11-23T00:00:00Z&to=2023-11-24T00:00:00Z&presenter=1',
    );
  });

  it('adds the origin when asked, for a snippet used on another site', () => {
    expect(appUrl(href, (s) => ({ ...DEFAULT_VIEW, src: s.src }), { absolute: true })).toBe(
      'https://ir.example/timeline/?src=data%2Fx.json',
    );
  });
});
