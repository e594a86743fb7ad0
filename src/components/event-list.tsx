import { type KeyboardEvent, memo, useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { Incident, TimelineEvent } from '../model/incident';
import { termLabel } from '../model/vocabulary';
import { localize } from '../model/text';
import { utcStamp } from '../model/time';
import { eventsById } from '../model/event-lookup';
import { indexOfEvent } from '../model/event-index';
import { Highlighted } from './highlighted';
import { rowWindow, scrollToShow } from './row-window';

interface Props {
  incident: Incident;
  events: TimelineEvent[];
  selectedId?: string;
  onSelect: (id: string | undefined) => void;
  q: string;
}

// The rows' height in incident-screen.css (`.event-list td`): scrolling and the spacers count on it.
const ROW_HEIGHT = 36;
const OVERSCAN = 8;

/**
 * The accessible form of the chart: a grid of the same events in time order. Virtualized, so 100,000 rows cost
 * what 50 do; focus stays on the grid and aria-activedescendant names the selected row.
 */
export const EventList = memo(function EventList({
  incident,
  events,
  selectedId,
  onSelect,
  q,
}: Props) {
  const { t, lang } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  // The row at the top of the view and the view's height: a scroll within a row renders nothing new. Until the
  // first measure, the window's height: enough rows, without reading the layout while the page is being built.
  const [scroll, setScroll] = useState(() => ({ row: 0, height: window.innerHeight }));
  const measure = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const row = Math.floor(el.scrollTop / ROW_HEIGHT);
    const height = el.clientHeight;
    setScroll((s) => (s.row === row && s.height === height ? s : { row, height }));
  }, []);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    // Called once the layout is done, first when observing starts: reading the size then costs nothing.
    const resized = new ResizeObserver(measure);
    resized.observe(el);
    return () => resized.disconnect();
  }, [measure]);
  const selected = selectedId === undefined ? undefined : eventsById(incident).get(selectedId);
  const selectedIndex = selected ? indexOfEvent(events, selected) : -1;

  useEffect(() => {
    const el = scrollRef.current;
    if (selectedIndex < 0 || !el) return;
    const header = el.querySelector('thead')?.offsetHeight ?? 0;
    const to = scrollToShow(selectedIndex, el.scrollTop, el.clientHeight, ROW_HEIGHT, header);
    if (to === undefined) return;
    el.scrollTop = to;
    // Now, not at the scroll event that follows: a long jump would show the empty spacer for a frame.
    measure();
  }, [selectedIndex, measure]);

  const onKeyDown = (e: KeyboardEvent) => {
    const step =
      e.key === 'ArrowDown' || e.key === 'j' ? 1 : e.key === 'ArrowUp' || e.key === 'k' ? -1 : 0;
    if (step !== 0 && events.length > 0) {
      e.preventDefault();
      const next =
        selectedIndex < 0
          ? step > 0
            ? 0
            : events.length - 1
          : Math.min(events.length - 1, Math.max(0, selectedIndex + step));
      onSelect(events[next]!.id);
    } else if ((e.key === 'Home' || e.key === 'End') && events.length > 0) {
      e.preventDefault();
      onSelect(events[e.key === 'Home' ? 0 : events.length - 1]!.id);
    } else if (e.key === 'Escape' && selectedId !== undefined) {
      e.preventDefault();
      onSelect(undefined);
    } else if (e.key === 'Enter' && selectedId !== undefined) {
      // Enter takes a keyboard user on to the selected event's details (details-panel.tsx's heading), or in edit
      // mode to its form's first field.
      e.preventDefault();
      (document.getElementById('details-title') ?? document.getElementById('edit-title'))?.focus();
    }
  };

  // One row more than the height: the top is rounded down to a whole row.
  const { first, end } = rowWindow(
    scroll.row * ROW_HEIGHT,
    scroll.height + ROW_HEIGHT,
    ROW_HEIGHT,
    events.length,
    OVERSCAN,
  );
  const padTop = first * ROW_HEIGHT;
  const padBottom = (events.length - end) * ROW_HEIGHT;
  return (
    <section className="event-list" aria-labelledby="event-list-title">
      <h2 id="event-list-title">{t.eventList}</h2>
      <p className="muted small" id="event-list-help">
        {t.eventListHelp}
      </p>
      <div
        ref={scrollRef}
        className="event-list-scroll"
        role="grid"
        tabIndex={0}
        aria-labelledby="event-list-title"
        aria-describedby="event-list-help"
        aria-rowcount={events.length + 1}
        aria-activedescendant={selectedIndex >= 0 ? `row-${selectedId}` : undefined}
        onKeyDown={onKeyDown}
        onScroll={measure}
      >
        <table role="presentation">
          <thead role="rowgroup">
            <tr role="row" aria-rowindex={1}>
              <th role="columnheader">{t.columns.time}</th>
              <th role="columnheader">{t.columns.title}</th>
              <th role="columnheader">{t.columns.phase}</th>
              <th role="columnheader">{t.columns.actor}</th>
              <th role="columnheader">{t.columns.systems}</th>
              <th role="columnheader">{t.columns.outcome}</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {padTop > 0 && <tr aria-hidden="true" style={{ height: padTop }} />}
            {events.slice(first, end).map((e, i) => {
              const selected = e.id === selectedId;
              return (
                // Keyed by place, so a filter or a search rewrites the rows' text instead of replacing every row.
                <tr
                  key={first + i}
                  id={`row-${e.id}`}
                  role="row"
                  aria-rowindex={first + i + 2}
                  aria-selected={selected}
                  data-event={e.id}
                  className={selected ? 'selected' : undefined}
                  onClick={() => onSelect(e.id)}
                >
                  <td role="gridcell" className="nowrap mono">
                    {utcStamp(e.startMs, e.precision)}
                  </td>
                  <td role="gridcell">
                    <Highlighted text={localize(e.title, lang)} q={q} />
                  </td>
                  <td role="gridcell">{termLabel(incident, 'phase', e.phase, lang)}</td>
                  <td role="gridcell">{termLabel(incident, 'actor', e.actor, lang)}</td>
                  <td role="gridcell">
                    <Highlighted
                      text={e.systems.map((s) => termLabel(incident, 'system', s, lang)).join(', ')}
                      q={q}
                    />
                  </td>
                  <td role="gridcell" className={`outcome-${e.outcome}`}>
                    {t.outcomes[e.outcome]}
                  </td>
                </tr>
              );
            })}
            {padBottom > 0 && <tr aria-hidden="true" style={{ height: padBottom }} />}
          </tbody>
        </table>
      </div>
    </section>
  );
});
