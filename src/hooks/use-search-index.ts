import { useEffect, useMemo } from 'react';
import { textEditOf } from '../model/event-versions';
import {
  NO_SEARCH_INDEX,
  searchIndexBuilder,
  type SearchIndex,
  type SearchIndexBuilder,
} from '../model/filters';
import type { Incident, TimelineEvent } from '../model/incident';
import { whenIdle, type Deadline, type WhenIdle } from './when-idle';

// One builder per incident, shared by every screen showing it, so idle work done in one is not redone in another.
const builders = new WeakMap<Incident, SearchIndexBuilder>();
// The incident of each list of events indexed, for the next text edit's index to start from its texts.
const incidents = new WeakMap<readonly TimelineEvent[], Incident>();
/** Events indexed per slice: about 2 ms each at 1 KB an event on a busy machine. */
const SLICE = 200;

export function builderOf(incident: Incident): SearchIndexBuilder {
  let builder = builders.get(incident);
  if (!builder)
    builders.set(incident, (builder = searchIndexBuilder(incident, afterEdit(incident))));
  incidents.set(incident.events, incident);
  return builder;
}

/** What a text edit's index starts from: the index (so far) of the incident before it, with the same lists of terms. */
function afterEdit(incident: Incident) {
  const edit = textEditOf(incident.events);
  const was = edit && incidents.get(edit.before);
  const before = was && builders.get(was);
  const sameTerms =
    was?.systems === incident.systems &&
    was.techniques === incident.techniques &&
    was.indicators === incident.indicators;
  return edit && before && sameTerms ? { before: before.index, edit } : undefined;
}

/** Steps `builder` a slice at a time while the page is idle, until it is done or the returned function is called. */
export function buildWhileIdle(builder: SearchIndexBuilder, idle: WhenIdle = whenIdle): () => void {
  let cancel = () => {};
  const work = (deadline: Deadline) => {
    while (!builder.step(SLICE))
      if (deadline.timeRemaining() < 2) {
        cancel = idle(work);
        return;
      }
  };
  if (!builder.done) cancel = idle(work);
  return () => cancel();
}

/**
 * The incident's search index: built while the page is idle after it is shown, a slice at a time, so the first
 * search keystroke finds it ready. Until someone searches, an empty index, so nothing filtered depends on it.
 */
export function useSearchIndex(incident: Incident, searching: boolean): SearchIndex {
  useEffect(() => buildWhileIdle(builderOf(incident)), [incident]);
  return useMemo(() => {
    if (!searching) return NO_SEARCH_INDEX;
    const builder = builderOf(incident);
    builder.step(Infinity);
    return builder.index;
  }, [incident, searching]);
}
