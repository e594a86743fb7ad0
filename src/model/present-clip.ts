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
 * The events as the room sees them at `now`: a range that ends later is cut at `now` (a point when it starts then),
 * its title marked by `mark`, and `presentText` replaces the description wherever the data gives one.
 */
export function asTheRoomSees(
  events: readonly TimelineEvent[],
  now: number,
  mark: (title: LocalizedText) => LocalizedText,
): RoomView {
  const ongoing = new Set<string>();
  const out = events.map((e) => {
    const text = e.presentText ? { ...e, description: e.presentText } : e;
    if (e.end === undefined || e.endMs <= now) return text;
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
