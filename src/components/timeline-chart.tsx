import moment from 'moment';
import { useEffect, useRef } from 'react';
import { DataSet } from 'vis-data/esnext';
import { Timeline, type TimelineOptions } from 'vis-timeline/esnext';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import type { ChartItem, Lane } from '../model/chart-model';

// `content` is required by vis-timeline's types; the template draws the real label from `item`.
interface VisItem {
  id: string;
  content: '';
  event: string;
  group?: string;
  start: number;
  end?: number;
  type: 'point' | 'range' | 'background';
  className: string;
  item: ChartItem;
}

interface VisGroup {
  id: string;
  content: '';
  order: number;
  lane: Lane;
}

export interface TimelineChartProps {
  items: ChartItem[];
  /** `null` draws one ungrouped lane. */
  lanes: Lane[] | null;
  selectedEventId?: string;
  onSelect: (eventId: string | undefined) => void;
  /** Tooltip lines for an item, built by the caller in the active language. */
  describe: (item: ChartItem) => string[];
  /** Called once, after the first redraw that shows items. */
  onFirstDraw?: () => void;
  ariaLabel: string;
}

function element(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  // textContent, never innerHTML: event text is data and must not become markup.
  if (text !== undefined) node.textContent = text;
  return node;
}

// Class names come only from our own enums, never from data, so data cannot restyle the chart.
function classNameOf(item: ChartItem): string {
  return [
    `it-${item.shape}`,
    `it-${item.side}`,
    item.failed ? 'it-failed' : '',
    item.inferred ? 'it-inferred' : '',
    item.dimmed ? 'it-dimmed' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function toVis(item: ChartItem): VisItem {
  return {
    id: item.id,
    content: '',
    event: item.eventId,
    group: item.lane,
    start: item.start,
    end: item.end,
    type: item.shape === 'point' ? 'point' : 'range',
    className: classNameOf(item),
    item,
  };
}

export function TimelineChart({
  items,
  lanes,
  selectedEventId,
  onSelect,
  describe,
  onFirstDraw,
  ariaLabel,
}: TimelineChartProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const timelineRef = useRef<Timeline | null>(null);
  const itemsRef = useRef(new DataSet<VisItem, 'id'>());
  const groupsRef = useRef(new DataSet<VisGroup, 'id'>());
  const callbacks = useRef({ onSelect, describe, onFirstDraw });
  useEffect(() => {
    callbacks.current = { onSelect, describe, onFirstDraw };
  });

  useEffect(() => {
    // The widget's own element is made here and removed in the cleanup, so StrictMode's second mount starts clean.
    const host = document.createElement('div');
    host.className = 'chart-host';
    hostRef.current?.appendChild(host);
    const options: TimelineOptions = {
      moment: (date: moment.MomentInput) => moment(date).utc(),
      xss: { disabled: false, filterOptions: { whiteList: {} } },
      template: (data?: VisItem) => (data ? element('span', 'it-label', data.item.label) : ''),
      groupTemplate: (group?: VisGroup) => (group ? element('span', 'lane-label', group.lane.label) : ''),
      tooltip: {
        followMouse: true,
        overflowMethod: 'cap',
        // Typed as returning a string, but vis-timeline appends a returned element as it is.
        template: ((data: VisItem) => {
          const box = element('div', 'tip');
          for (const line of callbacks.current.describe(data.item)) box.appendChild(element('div', 'tip-line', line));
          return box;
        }) as unknown as NonNullable<TimelineOptions['tooltip']>['template'],
      },
      dataAttributes: ['event'],
      groupOrder: 'order',
      orientation: { axis: 'top', item: 'top' },
      stack: true,
      showCurrentTime: false,
      selectable: true,
      multiselect: false,
      zoomMin: 10 * 1000,
      zoomMax: 1000 * 60 * 60 * 24 * 365 * 20,
      verticalScroll: true,
      maxHeight: '70vh',
      margin: { item: { horizontal: 4, vertical: 6 }, axis: 6 },
    };
    const timeline = new Timeline(host, itemsRef.current, options);
    timelineRef.current = timeline;
    let reported = false;
    timeline.on('changed', () => {
      if (!reported && itemsRef.current.length > 0) {
        reported = true;
        callbacks.current.onFirstDraw?.();
      }
    });
    timeline.on('select', ({ items: selected }: { items: string[] }) => {
      const first = selected[0];
      callbacks.current.onSelect(first === undefined ? undefined : itemsRef.current.get(first)?.event);
    });
    return () => {
      timelineRef.current = null;
      timeline.destroy();
      host.remove();
    };
  }, []);

  useEffect(() => {
    const timeline = timelineRef.current;
    if (!timeline) return;
    const groups = groupsRef.current;
    if (lanes === null) {
      timeline.setGroups(null as unknown as DataSet<VisGroup, 'id'>);
      return;
    }
    const next = lanes.map((lane) => ({ id: lane.id, content: '' as const, order: lane.order, lane }));
    const keep = new Set(next.map((g) => g.id));
    groups.remove(groups.getIds().filter((id) => !keep.has(String(id))));
    groups.update(next);
    timeline.setGroups(groups);
  }, [lanes]);

  useEffect(() => {
    const data = itemsRef.current;
    const wasEmpty = data.length === 0;
    const next = items.map(toVis);
    const keep = new Set(next.map((i) => i.id));
    data.remove(data.getIds().filter((id) => !keep.has(String(id))));
    data.update(next);
    if (wasEmpty && next.length > 0) timelineRef.current?.fit({ animation: false });
  }, [items]);

  useEffect(() => {
    const timeline = timelineRef.current;
    if (!timeline) return;
    const ids = selectedEventId === undefined ? [] : itemsRef.current.getIds({ filter: (i) => i.event === selectedEventId });
    timeline.setSelection(ids);
  }, [selectedEventId, items]);

  return <div ref={hostRef} className="timeline-chart" role="img" aria-label={ariaLabel} />;
}
