// The URL contract: every shareable view state, parsed from and written to a query string (pure functions).
import { GROUP_BYS, type GroupBy } from './chart-model';
import {
  buildSearchIndex,
  filterEvents,
  isFiltering,
  NO_SEARCH_INDEX,
  type Query,
} from './filters';
import { eventsById } from './event-lookup';
import type { Incident, TimelineEvent } from './incident';
import { UI_LANGUAGES, type Lang } from './text';
import { parseUtc, toIsoUtc, type TimeWindow } from './time';
import { FACETS, termsOf, type Facet } from './vocabulary';

export const MODES = ['full', 'present', 'embed', 'edit'] as const;
export type Mode = (typeof MODES)[number];
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export interface ViewState {
  /** Incident file URL; absent means the bundled incident. */
  src?: string;
  /** A draft in this browser's storage, shown instead of `src`. */
  draft?: string;
  filters: Record<Facet, string[]>;
  q: string;
  event?: string;
  group: GroupBy;
  /** Visible window in epoch ms; absent means "fit everything". */
  window?: TimeWindow;
  lang?: Lang;
  mode: Mode;
  theme?: Theme;
  /** Filtered-out events stay on the chart, greyed, instead of disappearing. */
  dim: boolean;
  /** Phase bands drawn behind the items. */
  bands: boolean;
  /** Long quiet periods are folded out of the axis. */
  compress: boolean;
  /** Embed mode shows the filter panel. */
  controls: boolean;
  /** Arrows drawn between linked events. */
  links: boolean;
  /** The selected event's causal path is traced: listed, and the rest of the chart dimmed. */
  path: boolean;
  /** Present mode shows every event instead of only those up to the current step. */
  reveal: boolean;
  /** Present mode: the current step is the inject question of `event`, asked before the event is shown. */
  inject: boolean;
  /** Present mode: this window is the facilitator's presenter view (notes, next step, session time). */
  presenter: boolean;
  /** Present mode, presenter view: the random id of its audience window's session, which names their private channel. */
  session?: string;
  /** Present mode: a print view (after-action report, or the situation manual for players or the facilitator). */
  print?: PrintView;
}

export const PRINT_VIEWS = ['report', 'manual', 'manual-facilitator'] as const;
export type PrintView = (typeof PRINT_VIEWS)[number];

export const DEFAULT_VIEW: ViewState = {
  filters: { phase: [], system: [], actor: [], action: [], outcome: [] },
  q: '',
  group: 'system',
  mode: 'full',
  dim: false,
  bands: true,
  compress: false,
  controls: false,
  links: false,
  path: false,
  reveal: false,
  inject: false,
  presenter: false,
};

/** Lanes when the link names none: a 640×360 embed reads best as one stack, with no lane-label column. */
export function defaultGroup(mode: Mode): GroupBy {
  return mode === 'embed' ? 'none' : DEFAULT_VIEW.group;
}

// Plain checks, not zod/mini: measured, zod/mini put the core it shares with the schemas in the first download (+13.4 KiB gzip).
type Param<T> = (raw: string) => T | undefined;

const oneOf =
  <T extends string>(values: readonly T[]): Param<T> =>
  (raw) =>
    (values as readonly string[]).includes(raw) ? (raw as T) : undefined;
const matching =
  (pattern: RegExp): Param<string> =>
  (raw) =>
    pattern.test(raw) ? raw : undefined;
const nonEmpty: Param<string> = (raw) => (raw === '' ? undefined : raw);
const list: Param<string[]> = (raw) => [
  ...new Set(
    raw
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  ),
];
const flag: Param<boolean> = (raw) => (raw === '1' ? true : raw === '0' ? false : undefined);

/** zod's `z.uuid()` rule (RFC 9562, versions 1–8, nil and max), which present.ts's SessionId applies. */
export const SESSION_ID =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;

// One check per parameter, run on its own, so one malformed value never costs the rest of the link.
const PARAMS = {
  src: nonEmpty,
  draft: matching(/^[a-z0-9-]{1,64}$/),
  phase: list,
  system: list,
  actor: list,
  action: list,
  outcome: list,
  q: (raw: string) => raw,
  event: nonEmpty,
  group: oneOf(GROUP_BYS),
  from: parseUtc,
  to: parseUtc,
  lang: oneOf(UI_LANGUAGES),
  mode: oneOf(['present', 'embed', 'edit'] as const),
  theme: oneOf(THEMES),
  dim: flag,
  bands: flag,
  compress: flag,
  controls: flag,
  links: flag,
  path: flag,
  reveal: flag,
  inject: flag,
  presenter: flag,
  session: matching(SESSION_ID),
  print: oneOf(PRINT_VIEWS),
};
type Params = { [K in keyof typeof PARAMS]?: NonNullable<ReturnType<(typeof PARAMS)[K]>> };

export interface Parsed {
  state: ViewState;
  /** Parameters whose values were malformed and fell back to their defaults. */
  malformed: string[];
}

/**
 * The window's valid times to name when they make no window: one alone, or a `to` not after `from`. A malformed time
 * is named already, and its valid partner is not named with it.
 */
function windowProblems(params: URLSearchParams, got: Params): string[] {
  if (got.from !== undefined && got.to !== undefined) return ['to'];
  if (got.from !== undefined && !params.has('to')) return ['from'];
  if (got.to !== undefined && !params.has('from')) return ['to'];
  return [];
}

/** Reads a query string (with or without "?"); never throws. */
export function parseViewState(search: string): Parsed {
  const params = new URLSearchParams(search);
  const got: Params = {};
  const malformed: string[] = [];
  for (const key of Object.keys(PARAMS) as (keyof typeof PARAMS)[]) {
    const value = params.get(key);
    if (value === null) continue;
    const result = PARAMS[key](value);
    if (result !== undefined) (got as Record<string, unknown>)[key] = result;
    else malformed.push(key);
  }
  let window: ViewState['window'];
  if (got.from !== undefined && got.to !== undefined && got.to > got.from)
    window = { from: got.from, to: got.to };
  else malformed.push(...windowProblems(params, got));
  const d = DEFAULT_VIEW;
  return {
    state: {
      src: got.src,
      draft: got.draft,
      filters: {
        phase: got.phase ?? [],
        system: got.system ?? [],
        actor: got.actor ?? [],
        action: got.action ?? [],
        outcome: got.outcome ?? [],
      },
      q: got.q ?? '',
      event: got.event,
      group: got.group ?? defaultGroup(got.mode ?? d.mode),
      window,
      lang: got.lang,
      mode: got.mode ?? d.mode,
      theme: got.theme,
      dim: got.dim ?? d.dim,
      bands: got.bands ?? d.bands,
      compress: got.compress ?? d.compress,
      controls: got.controls ?? d.controls,
      links: got.links ?? d.links,
      path: got.path ?? d.path,
      reveal: got.reveal ?? d.reveal,
      inject: got.inject ?? d.inject,
      presenter: got.presenter ?? d.presenter,
      session: got.session,
      print: got.print,
    },
    malformed,
  };
}

/** Writes the state as a query string in a fixed parameter order, leaving defaults out; "" for the default view. */
export function serializeViewState(state: ViewState): string {
  const p = new URLSearchParams();
  if (state.src) p.set('src', state.src);
  if (state.draft) p.set('draft', state.draft);
  for (const f of FACETS) if (state.filters[f].length > 0) p.set(f, state.filters[f].join(','));
  if (state.q) p.set('q', state.q);
  if (state.event) p.set('event', state.event);
  if (state.group !== defaultGroup(state.mode)) p.set('group', state.group);
  if (state.window) {
    p.set('from', toIsoUtc(state.window.from));
    p.set('to', toIsoUtc(state.window.to));
  }
  if (state.lang) p.set('lang', state.lang);
  if (state.mode !== 'full') p.set('mode', state.mode);
  if (state.theme) p.set('theme', state.theme);
  for (const key of [
    'dim',
    'bands',
    'compress',
    'controls',
    'links',
    'path',
    'reveal',
    'inject',
    'presenter',
  ] as const)
    if (state[key] !== DEFAULT_VIEW[key]) p.set(key, state[key] ? '1' : '0');
  if (state.session) p.set('session', state.session);
  if (state.print) p.set('print', state.print);
  const text = p.toString().replaceAll('%2C', ',').replaceAll('%3A', ':');
  return text ? `?${text}` : '';
}

/**
 * The app's address for a view: `href` (an address of the app) with its view state changed by `change`. Path and
 * query only, or with `absolute` the origin too (for a snippet pasted into another site).
 */
export function appUrl(
  href: string,
  change: (state: ViewState) => ViewState,
  { absolute = false } = {},
): string {
  const url = new URL(href);
  const query = serializeViewState(change(parseViewState(url.search).state));
  return `${absolute ? url.origin : ''}${url.pathname}${query}`;
}

export interface Ignored {
  param: string;
  id: string;
  /** `inject=1` was ignored because this event has no inject question. */
  noInject?: string;
  /** Present mode: the event is one the link's filters or search leave out of the steps. */
  filteredOut?: true;
  /** Present mode: `inject=1` was ignored because the link names no event to ask it of. */
  noEvent?: true;
}

/** Whether the link's filters and search keep `event` (checked alone: a search index of one event is cheap). */
function kept(incident: Incident, event: TimelineEvent, query: Query): boolean {
  if (!isFiltering(query)) return true;
  const index =
    query.q.trim() === '' ? NO_SEARCH_INDEX : buildSearchIndex({ ...incident, events: [event] });
  return filterEvents([event], query, index).length === 1;
}

/**
 * Drops ids the incident does not have, and `inject` on an event without an inject question, and says which; a stale
 * link then shows what still exists. In present mode it also drops an event the filters leave out of the steps, and
 * `inject` with no event, as the session could not show them.
 */
export function resolveAgainst(
  state: ViewState,
  incident: Incident,
): { state: ViewState; ignored: Ignored[] } {
  const known = (f: Facet) => new Set(termsOf(incident, f).map((t) => t.id));
  const ignored: Ignored[] = [];
  const filters = { ...state.filters };
  for (const f of FACETS) {
    const ids = known(f);
    filters[f] = state.filters[f].filter((id) => ids.has(id) || !ignored.push({ param: f, id }));
  }
  const present = state.mode === 'present';
  let event = state.event;
  const linked = event === undefined ? undefined : eventsById(incident).get(event);
  if (event !== undefined && !linked) {
    ignored.push({ param: 'event', id: event });
    event = undefined;
  } else if (event !== undefined && present && !kept(incident, linked!, { filters, q: state.q })) {
    ignored.push({ param: 'event', id: event, filteredOut: true });
    event = undefined;
  }
  let inject = state.inject;
  if (inject && event !== undefined && !linked!.inject) {
    ignored.push({ param: 'inject', id: '1', noInject: event });
    inject = false;
  } else if (inject && event === undefined && present) {
    ignored.push({ param: 'inject', id: '1', noEvent: true });
    inject = false;
  }
  return { state: { ...state, filters, event, inject }, ignored };
}
