import { whenIdle, type WhenIdle } from './when-idle';

const NAME = 'incident:ready';
const waiting = new Set<() => void>();
const marked = () => performance.getEntriesByName(NAME).length > 0;

/** Marks `incident:ready` once per page, the first moment the incident is on screen: read by the benchmark, and
 * the start of `afterFirstView`'s wait. */
export function markReady() {
  if (marked()) return;
  performance.mark(NAME);
  for (const then of [...waiting]) then();
  waiting.clear();
}

const INPUT = ['pointerdown', 'keydown', 'wheel'] as const;
const quietWaits = new Set<() => void>();

/**
 * Starts every `afterFirstView` quiet wait again, as a click would: the benchmark's hooks change the view without
 * input events, and a user's clicks would have kept the offline worker's install out of those interactions.
 */
export function restartQuietWaits() {
  for (const wait of quietWaits) wait();
}

export interface Later {
  /** How long the user must leave the page alone after the first view. */
  quietMs?: number;
  /** After this long the quiet wait starts even with no first view marked (a load error, an empty incident). */
  latestMs?: number;
  idle?: WhenIdle;
  /** Where the user's clicks, keys and wheel turns are heard. */
  input?: EventTarget;
}

/**
 * Runs `work` once the first view is on screen (`markReady`), the user has then left the page alone for `quietMs`
 * (each click, key or wheel turn starts the wait again) and the page is idle. Returns what cancels it.
 */
export function afterFirstView(work: () => void, later: Later = {}): () => void {
  const { quietMs = 5_000, latestMs = 15_000, idle = whenIdle, input = globalThis } = later;
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let cancelIdle: (() => void) | undefined;
  const due = () => {
    stopListening();
    cancelIdle = idle(() => {
      cancelIdle = () => {};
      work();
    });
  };
  const wait = () => {
    clearTimeout(quiet);
    quiet = setTimeout(due, quietMs);
  };
  const stopListening = () => {
    quietWaits.delete(wait);
    for (const type of INPUT) input.removeEventListener(type, wait, { capture: true });
  };
  const shown = () => {
    if (quiet !== undefined || cancelIdle) return;
    clearTimeout(latest);
    waiting.delete(shown);
    for (const type of INPUT) input.addEventListener(type, wait, { capture: true, passive: true });
    quietWaits.add(wait);
    wait();
  };
  const latest = setTimeout(shown, latestMs);
  if (marked()) shown();
  else waiting.add(shown);
  return () => {
    clearTimeout(latest);
    clearTimeout(quiet);
    waiting.delete(shown);
    stopListening();
    cancelIdle?.();
  };
}
