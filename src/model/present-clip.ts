// What the room may read at a step: nothing that ends after the step's moment, and each event's text for the room.
import type { LocalizedText, TimelineEvent } from './incident';
import { precisionEnd, toIsoUtc } from './time';
import type { Step } from './present';

/** The moment a step stands at: its event's start (an inject question is asked at that moment too). */
export const stepMoment = (step: Step): number => step.event.startMs;

export interface RoomView {
  events: TimelineEvent[];
  /** Ids of ranges cut at the step's moment: the room sees them as still going on. */
  ongoing: Set<string>;
}

/**
 * The events as the room sees them at `step` (`events`, those shown so far): a range that ends later than the room
 * has got is cut there (a point when it starts then), its title marked by `mark`, and `presentText` replaces the
 * description wherever the data gives one. The room has got to the step's moment or, if later, the latest start it
 * has seen: a date-only step comes after the timed events of its day, which the room has seen by then. A range
 * whose end is the step's own moment at its precision (a date-only end on the day of a date-only step) has ended by
 * then; one with a more exact end later than the room has got has not, since its end could give a later step away.
 */
export function asTheRoomSees(
  events: readonly TimelineEvent[],
  step: Step,
  mark: (title: LocalizedText) => LocalizedText,
): RoomView {
  let now = stepMoment(step);
  for (const e of events) if (e.startMs > now) now = e.startMs;
  const reach = precisionEnd(step.event.startMs, step.event.precision);
  const ongoing = new Set<string>();
  const out = events.map((e) => {
    const text = e.presentText ? { ...e, description: e.presentText } : e;
    if (e.end === undefined || e.endMs <= now || (e.endMs <= reach && Date.parse(e.end) <= now))
      return text;
    ongoing.add(e.id);
    const cut = e.startMs < now;
    return {
      ...text,
      title: mark(e.title),
      end: cut ? toIsoUtc(now) : undefined,
      endMs: cut ? now : precisionEnd(e.startMs, e.precision),
    };
  });
  return { events: out, ongoing };
}
