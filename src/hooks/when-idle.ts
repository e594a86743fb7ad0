// Work done while the page is idle, a piece at a time, so it never holds up what the user does.

export interface Deadline {
  timeRemaining(): number;
}
/** Runs `work` when the page is next idle; returns what cancels it. */
export type WhenIdle = (work: (deadline: Deadline) => void) => () => void;

// Browsers without requestIdleCallback (Safari) get short timeouts instead.
export const whenIdle: WhenIdle = (work) => {
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

/**
 * Runs `steps` in order while the page is idle, at least one per idle period and more while the time left is
 * longer than the longest step so far, until all have run or the returned function is called.
 */
export function stepsWhileIdle(steps: (() => void)[], idle: WhenIdle = whenIdle): () => void {
  // Steps are dropped as they run, and with them what they hold.
  const queue = [...steps];
  let cancel = () => {};
  let longest = 0;
  const work = (deadline: Deadline) => {
    do {
      const started = performance.now();
      queue.shift()!();
      longest = Math.max(longest, performance.now() - started);
    } while (queue.length > 0 && deadline.timeRemaining() > longest);
    if (queue.length > 0) cancel = idle(work);
  };
  if (queue.length > 0) cancel = idle(work);
  return () => cancel();
}
