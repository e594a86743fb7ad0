// Benchmark page: decodes one incident file on the main thread and in the parse worker, and times both.
import { decodeIncidentFile } from '../src/model/incident-file';
import { parseIncidentBytes } from '../src/loading/parse-in-worker';
import { parseIncident } from '../src/model/incident';

export interface ParseTiming {
  bytes: number;
  /** decodeIncidentFile on the main thread: the page is frozen this long. */
  mainMs: number;
  /** parseIncidentBytes through the worker, from the call until the Incident is usable on the main thread. */
  workerMs: number;
  /** Main-thread long tasks (over 50 ms) while the worker route ran: mostly receiving the structured clone. */
  workerBlockingMs: number;
  /** The longest of those tasks. */
  workerLongestTaskMs: number;
  /** structuredClone of the parsed Incident on the main thread (copying it out and in again), for scale. */
  cloneMs: number;
  /** JSON.parse of the parsed Incident written as JSON: the other way to get it out of a worker. */
  jsonParseMs: number;
}

const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({
  type: 'longtask',
  buffered: true,
});

async function time(src: string, route: 'main' | 'worker'): Promise<Partial<ParseTiming>> {
  const bytes = new Uint8Array(await (await fetch(src)).arrayBuffer());
  const size = bytes.byteLength;
  await new Promise((r) => setTimeout(r, 100));
  const start = performance.now();
  if (route === 'main') {
    const result = decodeIncidentFile(bytes, src, parseIncident);
    const mainMs = performance.now() - start;
    if (!result.ok) throw new Error('did not validate');
    let t = performance.now();
    structuredClone(result.incident);
    const cloneMs = performance.now() - t;
    const text = JSON.stringify(result.incident);
    t = performance.now();
    JSON.parse(text);
    return { bytes: size, mainMs, cloneMs, jsonParseMs: performance.now() - t };
  }
  const result = await parseIncidentBytes(bytes, src, undefined, { threshold: 0 });
  const end = performance.now();
  if (!result.ok) throw new Error('did not validate');
  // Long-task entries are delivered after the task ends; give the observer a moment.
  await new Promise((r) => setTimeout(r, 200));
  const during = longTasks.filter((t) => t.startTime >= start && t.startTime < end);
  return {
    workerMs: end - start,
    workerBlockingMs: during.reduce((s, t) => s + t.duration, 0),
    workerLongestTaskMs: Math.max(0, ...during.map((t) => t.duration)),
  };
}

declare global {
  interface Window {
    __parseTiming?: (src: string, route: 'main' | 'worker') => Promise<Partial<ParseTiming>>;
  }
}
window.__parseTiming = time;
