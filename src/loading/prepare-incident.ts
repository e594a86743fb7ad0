// Before a large incident's first render: the model work that render would do in one long task, in steps apart.
import { buildWhileIdle, builderOf } from '../hooks/use-search-index';
import { whenIdle, type WhenIdle } from '../hooks/when-idle';
import type { Incident } from '../model/incident';

/** Below this many events the steps are short, and yielding between them would only delay the first view. */
const PREPARE_IN_STEPS_FROM = 5000;

/** Whether `incident`'s first view is prepared in steps and rendered in slices (the model, then the screen). */
export const rendersInSteps = (incident: Incident) =>
  incident.events.length >= PREPARE_IN_STEPS_FROM;

/**
 * Steps run back to back until this long has passed since the page last had a turn. Once a file is checked, its
 * steps are mostly done already (remembered) and take no time, but a turn before each cost 4 ms or more (timers
 * nested deeper than five are delayed): 50-90 ms before the first view of 20,000 events.
 */
const STEP_SLICE_MS = 10;

/**
 * Runs the chart scene's steps for `incident` (see sceneSteps), yielding to the page before the first and then
 * whenever 10 ms have passed since it last did, so it can paint and take a Cancel in between; throws the signal's
 * reason when cancelled meanwhile.
 */
export async function prepareInSteps(incident: Incident, signal?: AbortSignal): Promise<void> {
  if (!rendersInSteps(incident)) return;
  // Imported here, so the loader's chunk does not take the chart's model code with it.
  const { sceneSteps } = await import('../model/chart-view');
  let turn = -Infinity;
  // The page's language, as main.tsx and the app set it: the phase bands' labels are in it.
  for (const step of sceneSteps(incident, document.documentElement.lang || 'en')) {
    if (performance.now() - turn >= STEP_SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      signal?.throwIfAborted();
      turn = performance.now();
    }
    step();
  }
}

/** The longest piece of idle work while a worker checks the file: its answer should not wait behind it for long. */
const CHECK_WAIT_SLICE_MS = 8;

/**
 * Builds `incident`'s search index while the page waits for the worker's check (at 100,000 full-field events it
 * waited about 0.4 s), in idle pieces of at most 8 ms; the screen's own idle building goes on from where this
 * stopped, so a keystroke soon after the first view finds more of it built. Stops when `signal` aborts.
 */
export function indexWhileChecking(
  incident: Incident,
  signal: AbortSignal,
  idle: WhenIdle = whenIdle,
): void {
  if (signal.aborted) return;
  const short: WhenIdle = (work) =>
    idle((deadline) => {
      const end = performance.now() + CHECK_WAIT_SLICE_MS;
      work({ timeRemaining: () => Math.min(deadline.timeRemaining(), end - performance.now()) });
    });
  signal.addEventListener('abort', buildWhileIdle(builderOf(incident), short), { once: true });
}
