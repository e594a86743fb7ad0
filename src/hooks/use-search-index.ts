import { useEffect, useMemo } from 'react';
import { searchIndexBuilder, type SearchIndexBuilder } from '../model/filters';
import type { Incident } from '../model/incident';

// One builder per incident, shared by every screen showing it, so idle work done in one is not redone in another.
const builders = new WeakMap<Incident, SearchIndexBuilder>();
const NOT_SEARCHING = new Map<string, string>();
/** Events indexed per slice: about 2 ms each at 1 KB an event on a busy machine. */
const SLICE = 200;

function builderOf(incident: Incident): SearchIndexBuilder {
  let builder = builders.get(incident);
  if (!builder) builders.set(incident, (builder = searchIndexBuilder(incident)));
  return builder;
}

interface Deadline {
  timeRemaining(): number;
}
/** Runs `work` when the page is next idle; returns what cancels it. */
export type WhenIdle = (work: (deadline: Deadline) => void) => () => void;

// Browsers without requestIdleCallback (Safari) get short timeouts instead.
const whenIdle: WhenIdle = (work) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(work);
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(() => {
    const started = performance.now();
    work({ timeRemaining: () => 10 - (performance.now() - started) });
  }, 50);
  return () => clearTimeout(id);
};

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
 * Runs `steps` in order while the page is idle, as many per idle period as its time allows (at least one), until
 * all have run or the returned function is called.
 */
export function stepsWhileIdle(steps: (() => void)[], idle: WhenIdle = whenIdle): () => void {
  // Steps are dropped as they run, and with them what they hold.
  const queue = [...steps];
  let cancel = () => {};
  const work = (deadline: Deadline) => {
    do queue.shift()!();
    while (queue.length > 0 && deadline.timeRemaining() >= 2);
    if (queue.length > 0) cancel = idle(work);
  };
  if (queue.length > 0) cancel = idle(work);
  return () => cancel();
}

/**
 * The incident's search index: built while the page is idle after it is shown, a slice at a time, so the first
 * search keystroke finds it ready. Until someone searches, an empty map, so nothing filtered depends on it.
 */
export function useSearchIndex(incident: Incident, searching: boolean): Map<string, string> {
  useEffect(() => buildWhileIdle(builderOf(incident)), [incident]);
  return useMemo(() => {
    if (!searching) return NOT_SEARCHING;
    const builder = builderOf(incident);
    builder.step(Infinity);
    return builder.index;
  }, [incident, searching]);
}
