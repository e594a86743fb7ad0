import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n';
import type { TimelineEvent } from '../model/incident';
import { localize } from '../model/text';
import { utcStamp } from '../model/time';

interface Props {
  /** Only the events the room has seen (all of them in a debrief). */
  events: TimelineEvent[];
  currentId: string | undefined;
  debrief: boolean;
  onSelect: (eventId: string) => void;
}

/** At most this many rows, around the current step: a projector shows a few dozen, and 100,000 would stall the page. */
const ROWS = 201;

/** The events so far, newest at the bottom and kept in view; each one jumps back to its step. */
export function PresentStepsList({ events, currentId, debrief, onSelect }: Props) {
  const { t, lang } = useI18n();
  const at = currentId === undefined ? -1 : events.findIndex((e) => e.id === currentId);
  const first = Math.max(
    0,
    Math.min((at < 0 ? events.length : at) - (ROWS >> 1), events.length - ROWS),
  );
  const rows = events.slice(first, first + ROWS);
  const scrollRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const box = scrollRef.current;
    const row = box?.querySelector<HTMLElement>('[aria-current="step"]') ?? box?.lastElementChild;
    if (!box || !(row instanceof HTMLElement)) return;
    const center = () => {
      box.scrollTop = row.offsetTop - box.clientHeight / 2 + row.offsetHeight / 2; // the list is position: relative
    };
    center();
    // A metric card opened beside the list makes it shorter: the current step would slip out of view below.
    const resized = new ResizeObserver(center);
    resized.observe(box);
    return () => resized.disconnect();
  }, [currentId, events.length]);
  return (
    <section className="present-list" aria-labelledby="present-list-title">
      <h2 id="present-list-title">
        {debrief ? t.present.everything(events.length) : t.present.soFar(events.length)}
      </h2>
      {events.length === 0 ? (
        <p className="muted">{t.present.nothingYet}</p>
      ) : (
        <ol ref={scrollRef} start={first + 1}>
          {rows.map((e) => (
            <li key={e.id} aria-current={e.id === currentId ? 'step' : undefined}>
              <button type="button" className="present-list-item" onClick={() => onSelect(e.id)}>
                <span className="mono">{utcStamp(e.startMs, e.precision)}</span>{' '}
                {localize(e.title, lang)}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
