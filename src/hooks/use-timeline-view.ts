import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useI18n } from '../i18n/i18n';
import { rendersInSteps } from '../loading/prepare-incident';
import { arrowsInView, indexLinks, linksOf, offPath, tracePath } from '../model/causal-links';
import { laneIdsOf } from '../model/chart-model';
import { chartScene, chartView, laterSteps, windowRevealing } from '../model/chart-view';
import { dimmedIds, queryResult, searchTerms } from '../model/filters';
import type { Incident } from '../model/incident';
import * as act from '../model/view-actions';
import type { ViewState } from '../model/view-state';
import type { Facet } from '../model/vocabulary';
import { warmUpSteps } from '../model/warm-up';
import { useBenchHooks } from './use-bench-hooks';
import { useChartWords } from './use-chart-words';
import { useSearchIndex } from './use-search-index';
import { useViewQuery } from './use-view-query';
import type { SetView } from './use-view-state';
import { stepsWhileIdle } from './when-idle';

/** The full and embed screens' view of an incident: filtered events, counts, the chart, and what controls do. */
export function useTimelineView(incident: Incident, view: ViewState, setView: SetView) {
  const { lang } = useI18n();
  const words = useChartWords();
  const searchIndex = useSearchIndex(incident, searchTerms(view.q).length > 0);
  // A large incident's first selection finds the links naming each event listed, and its first filter, search and
  // regrouping find the model's code already optimized.
  useEffect(
    () =>
      rendersInSteps(incident)
        ? stepsWhileIdle([...laterSteps(incident), ...warmUpSteps(incident)])
        : undefined,
    [incident],
  );
  const query = useViewQuery(view);
  // Unfiltered, the incident's own array: what is derived from it (the chart's time index) is then reused.
  const {
    shown: visible,
    rows,
    counts,
  } = useMemo(
    () => queryResult(incident.events, query, searchIndex),
    [incident, query, searchIndex],
  );
  const path = useMemo(
    () => (view.path && view.event ? tracePath(incident.events, view.event) : undefined),
    [view.path, view.event, incident],
  );
  // A traced path greys out every event off it, on top of the filtered-out ones when those are dimmed.
  const dimmed = useMemo(
    () =>
      offPath(path, view.dim ? dimmedIds(incident.events, visible) : undefined, incident.events),
    [path, view.dim, incident, visible],
  );
  const scene = useMemo(
    () =>
      chartScene({
        incident,
        events: view.dim ? incident.events : visible,
        rows: view.dim ? undefined : rows,
        dimmed,
        groupBy: view.group,
        lang,
        bands: view.bands,
        compress: view.compress,
        words,
      }),
    [incident, view.dim, visible, rows, dimmed, view.group, lang, view.bands, view.compress, words],
  );
  const chart = useMemo(() => chartView(scene, view.window), [scene, view.window]);
  // Only with arrows on: a pass over every event and an index of the links (13 + 22 ms at 100,000, in Node).
  const { byId } = scene;
  const links = useMemo(
    () =>
      view.links ? indexLinks(linksOf(incident.events), (id) => byId.get(id)?.startMs) : undefined,
    [view.links, incident, byId],
  );
  const arrows = useMemo(
    () =>
      links
        ? arrowsInView(
            links,
            chart.items,
            chart.window,
            (id) => byId.get(id)?.startMs,
            (id) => {
              const e = byId.get(id);
              return e ? laneIdsOf(e, scene.groupBy) : [];
            },
          )
        : undefined,
    [links, chart, byId, scene.groupBy],
  );
  const shownWindow = chart.window;
  const { limits } = scene;
  const selected = view.event === undefined ? undefined : scene.byId.get(view.event);

  useBenchHooks(setView, shownWindow);

  // Unchanged by pan and zoom, so the memoized panels that take them do not re-render then.
  const stable = useMemo(
    () => ({
      select: (id: string | undefined) => setView(act.select(id)),
      toggleFacet: (facet: Facet, id: string, on: boolean) =>
        setView(act.toggleFacet(facet, id, on)),
      filterTo: (facet: Facet, id: string) => setView(act.filterTo(facet, id)),
      clearFilters: () => setView(act.clearFilters),
    }),
    [setView],
  );
  const actions = useMemo(() => {
    const setWindow = (w: ViewState['window']) =>
      setView(act.showWindow(w, limits), { replace: true });
    return {
      ...stable,
      setWindow,
      zoomBy: (factor: number) =>
        setView(act.zoomBy(shownWindow, factor, limits), { replace: true }),
      zoomToSpan: (start: number, end: number) =>
        setView(act.zoomToSpan(start, end, limits), { replace: true }),
    };
  }, [setView, stable, shownWindow, limits]);

  // From the list or a link: also pan the chart to the event, keeping the zoom level where it can be seen.
  // It reads the latest scene and window through a ref, so its identity survives pan and zoom.
  const latest = useRef({ scene, shownWindow });
  useLayoutEffect(() => {
    latest.current = { scene, shownWindow };
  }, [scene, shownWindow]);
  const selectAndReveal = useCallback(
    (id: string | undefined) => {
      const { scene, shownWindow } = latest.current;
      const e = id === undefined ? undefined : scene.byId.get(id);
      setView((s) => ({
        ...act.select(id)(s),
        window: e && shownWindow ? windowRevealing(scene, shownWindow, e) : s.window,
      }));
    },
    [setView],
  );

  // Typing on in the search box replaces the entry, so Back skips the intermediate keystrokes.
  const search = useCallback(
    (q: string) => setView(act.search(q), { replace: q !== '' && view.q !== '' }),
    [setView, view.q],
  );

  const filterPanel = {
    incident,
    filters: query.filters,
    counts,
    q: view.q,
    shown: visible.length,
    total: incident.events.length,
    onToggle: actions.toggleFacet,
    onSearch: search,
    onClear: actions.clearFilters,
  };

  const chartProps = {
    view: chart,
    arrows,
    selectedEventId: view.event,
    onSelect: actions.select,
    onWindowChange: actions.setWindow,
    onZoomTo: actions.setWindow,
  };

  return {
    ...actions,
    filterPanel,
    visible,
    scene,
    shownWindow,
    selected,
    path,
    chartProps,
    selectAndReveal,
  };
}
