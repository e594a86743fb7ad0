// `npm run bench`: the app against plain vis-timeline at 1,000, 20,000 and 100,000 events, synthetic and full-field;
// prints tables, writes bench/results.json. `--sizes 1000,20000 --kinds full --runs 1` runs a part of it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'vite';
import { chromiumLaunch } from '../e2e/chromium';
import { generateIncident, INCIDENT_KINDS, type IncidentKind } from './generate';
import { describeInitialJs, initialJs } from './initial-js';
import { describeLongestTask, type LongFrame } from './long-frames';
import type { BenchFacet, BenchGroupBy, IncidentTimelineBench } from './hook-contract';
import { modelTiming, type ModelTiming } from './model-timing';
import type { ParseTiming } from './parse-timing';
import { serveStatic } from './server';
import { table } from './table';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'bench', 'results');

const { values: flags } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,20000,100000' },
    kinds: { type: 'string', default: INCIDENT_KINDS.join(',') },
    pages: { type: 'string', default: 'baseline,app' },
    runs: { type: 'string', default: '3' },
    cap: { type: 'string', default: '60' },
    'no-build': { type: 'boolean', default: false },
    // MB/s: the incident files arrive at this pace, as over a network, instead of as fast as this machine sends them.
    rate: { type: 'string' },
    out: { type: 'string', default: 'bench/results.json' },
  },
});
const SIZES = flags.sizes.split(',').map(Number);
const KINDS = flags.kinds.split(',') as IncidentKind[];
for (const kind of KINDS)
  if (!INCIDENT_KINDS.includes(kind))
    throw new Error(`--kinds: "${kind}" is not one of ${INCIDENT_KINDS.join(', ')}`);
if (SIZES.some((n) => !Number.isInteger(n) || n <= 0))
  throw new Error(`--sizes: expected counts such as 1000,20000`);
const PAGES = flags.pages.split(',') as Target[];
if (PAGES.some((p) => p !== 'baseline' && p !== 'app'))
  throw new Error(`--pages: expected baseline, app or both`);
const RUNS = Number(flags.runs);
const RATE_MB_S = flags.rate === undefined ? undefined : Number(flags.rate);
if (RATE_MB_S !== undefined && !(RATE_MB_S > 0))
  throw new Error('--rate: expected MB/s, such as 12.5');
const CAP_MS = Number(flags.cap) * 1000;
/** The facet step: show only failed actions, about 15% of the generated events. */
const FILTER: { facet: BenchFacet; ids: string[] } = { facet: 'outcome', ids: ['failed'] };
const ZOOM_FACTOR = 0.5;
/** The pan step: half a window later. */
const PAN = 0.5;
/** The search keystroke: the first letter typed, one that narrows both kinds of incident (see generate.test.ts). */
const SEARCH = 'x';
const REGROUP: BenchGroupBy = 'actor';

/** One measurement: a number, over the cap, or not measurable (with the reason). */
type Cell = { value: number } | { capped: true } | { na: string };
/** The editor's, measured last (editing). */
const EDIT_METRICS = ['keyEdit', 'clickAdd', 'clickUndo'] as const;
/** The metrics measured from a real click or key to the next paint: the app's own controls, which the baseline lacks. */
const INPUT_METRICS = [
  'clickFilter',
  'keySearch',
  'clickZoom',
  'clickRow',
  ...EDIT_METRICS,
] as const;
const METRICS = [
  'ready',
  'settled',
  'longTasksMs',
  'longestTaskMs',
  'heapMB',
  'zoom',
  'filter',
  'pan',
  'search',
  'regroup',
  ...INPUT_METRICS,
] as const;
const isInputMetric = (m: string) => (INPUT_METRICS as readonly string[]).includes(m);
type Hook = keyof IncidentTimelineBench;
/**
 * The interactions, in order, each from where the one before left the page. Steps without a metric put the page
 * back to every event, so that the pan, the search and the regrouping each start from the whole incident.
 */
const STEPS: { metric?: Metric; hook: Hook; args: unknown[] }[] = [
  { metric: 'zoom', hook: 'zoom', args: [ZOOM_FACTOR] },
  { metric: 'filter', hook: 'applyFilter', args: [FILTER.facet, FILTER.ids] },
  { hook: 'applyFilter', args: [FILTER.facet, []] },
  { metric: 'pan', hook: 'pan', args: [PAN] },
  { metric: 'search', hook: 'search', args: [SEARCH] },
  { hook: 'search', args: [''] },
  { metric: 'regroup', hook: 'regroup', args: [REGROUP] },
];
/**
 * Collects the page's long tasks (over 50 ms on the main thread) from its first script on, and the long animation
 * frames, whose script entries say what ran in them (a long task's own attribution only names the frame).
 */
const LONG_TASKS = `window.__longTasks = [];
window.__longFrames = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
}).observe({ type: 'longtask', buffered: true });
window.__inputs = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (e.interactionId) window.__inputs.push([e.startTime, e.duration]);
}).observe({ type: 'event', durationThreshold: 16 });
if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame'))
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      window.__longFrames.push({
        start: e.startTime,
        duration: e.duration,
        renderStart: e.renderStart,
        scripts: e.scripts.map((s) => ({
          start: s.startTime,
          duration: s.duration,
          type: s.invokerType,
          invoker: s.invoker.split('/').pop(),
          fn: s.sourceFunctionName,
          url: s.sourceURL.split('/').pop(),
          layout: s.forcedStyleAndLayoutDuration,
        })),
      });
  }).observe({ type: 'long-animation-frame', buffered: true });`;
type Metric = (typeof METRICS)[number];
type Run = Record<Metric, Cell>;
type Target = 'baseline' | 'app';

const na = (reason: string): Cell => ({ na: reason });
const allNa = (reason: string): Run =>
  Object.fromEntries(METRICS.map((m) => [m, na(reason)])) as Run;

/** Resolves with the value, or `{ capped }` when `promise` takes longer than `ms`. */
async function capped<T>(
  promise: Promise<T>,
  ms = CAP_MS,
): Promise<{ value: T } | { capped: true }> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<{ capped: true }>(
    (resolve) => (timer = setTimeout(() => resolve({ capped: true }), ms)),
  );
  try {
    return await Promise.race([promise.then((value) => ({ value })), limit]);
  } finally {
    clearTimeout(timer);
  }
}

const cellOf = (r: { value: number } | { capped: true }): Cell =>
  'capped' in r || r.value > CAP_MS ? { capped: true } : r;

async function measureRun(
  browser: Browser,
  target: Target,
  base: string,
  dataPath: string,
  onLongestTask: (cause: string) => void,
): Promise<Run> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    timezoneId: 'America/Los_Angeles',
  });
  await context.addInitScript({ content: LONG_TASKS });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  let fetchedData = false;
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === dataPath) fetchedData = true;
  });
  const pageUrl =
    target === 'baseline'
      ? `${base}/bench/baseline.html?src=${dataPath}`
      : `${base}/?src=${dataPath}`;
  const run = allNa('after a step over the cap');
  try {
    await page.goto(pageUrl, { waitUntil: 'commit', timeout: CAP_MS });
    run.ready = await readyTime(page, Date.now() + CAP_MS);
    if (!('value' in run.ready)) return run;
    if (!fetchedData) return allNa('the app did not load ?src=');

    // A page that never settles within the cap is still measured, busy as it is: that is what its user gets.
    const settled = page
      .evaluate<number>(SETTLE.replace('CAP', String(CAP_MS)))
      .catch(() => Infinity);
    run.settled = cellOf(await capped(settled));

    // Long tasks until the page settled (or, if it never did, until now): how long and how often it froze.
    const until = 'value' in run.settled ? run.settled.value : Infinity;
    const tasks = await capped(
      page.evaluate(() => {
        const w = window as unknown as {
          __longTasks: [number, number][];
          __longFrames: LongFrame[];
        };
        return { tasks: w.__longTasks, frames: w.__longFrames };
      }),
    );
    if ('value' in tasks) {
      const during = tasks.value.tasks.filter(([start]) => start < until);
      const durations = during.map(([, d]) => d);
      run.longTasksMs = { value: durations.reduce((a, b) => a + b, 0) };
      const longestMs = Math.max(0, ...durations);
      run.longestTaskMs = { value: longestMs };
      const longest = during.find(([, d]) => d === longestMs);
      const cause = longest && describeLongestTask(longest, tasks.value.frames);
      if (cause) onLongestTask(cause);
    }

    if (await page.evaluate(() => typeof window.__incidentTimelineBench?.zoom === 'function')) {
      for (const step of STEPS) {
        const cell = await timeHook(page, step.hook, step.args);
        if (step.metric) run[step.metric] = cell;
        // A step over the cap leaves the page busy: the later ones would measure that, not themselves.
        if (!('value' in cell)) break;
      }
      if (target === 'app') Object.assign(run, await inputToPaint(page));
      else for (const m of INPUT_METRICS) run[m] = na('plain vis-timeline has no controls');
    } else
      for (const step of STEPS)
        if (step.metric) run[step.metric] = na('no window.__incidentTimelineBench hook');

    // After the steps: a forced full collection also drops the engine's compiled code, so a step after it paid for
    // compiling its code again, which no user's click does (a regrouping took about 250 ms instead of 160).
    const heap = await capped(
      cdp.send('HeapProfiler.collectGarbage').then(() => cdp.send('Runtime.getHeapUsage')),
    );
    run.heapMB = 'value' in heap ? { value: heap.value.usedSize / 1024 / 1024 } : { capped: true };
    const why = target === 'app' ? 'no row was chosen' : 'plain vis-timeline has no controls';
    Object.assign(
      run,
      target === 'app' && 'value' in run.clickRow
        ? await editing(page)
        : Object.fromEntries(EDIT_METRICS.map((m) => [m, na(why)])),
    );
    return run;
  } finally {
    // A page stuck past the cap may not answer; don't wait on it for long.
    await capped(context.close(), 10_000);
  }
}

/**
 * The app's own controls used as a user would, each timed from the input to the next paint after it (the Event
 * Timing API's duration, as a browser's interaction-to-next-paint counts it): that includes dispatching the input
 * and the browser's own rendering, which the hooks above leave out, and the chart's redraw in the frame it paints.
 * Each shows every event in lanes by system, in the window the steps left (the row click's after Zoom in); one
 * under 16 ms reads as 16 (the API's floor).
 */
async function inputToPaint(page: Page): Promise<Partial<Run>> {
  const timed = (act: () => Promise<unknown>) => timedInput(page, act);
  const cells: Partial<Run> = {};
  try {
    await timeHook(page, 'regroup', ['system']);
    const failed = page
      .getByRole('group', { name: 'Outcome' })
      .locator('label.facet-option')
      .filter({ hasText: FILTER.ids[0]! })
      .locator('input');
    cells.clickFilter = await timed(() => failed.click());
    await failed.click();
    await page.getByRole('searchbox').focus();
    cells.keySearch = await timed(() => page.keyboard.press(SEARCH));
    await page.keyboard.press('Backspace');
    cells.clickZoom = await timed(() => page.getByRole('button', { name: 'Zoom in' }).click());
    const row = page.getByRole('grid').locator('tbody tr[data-event]').nth(3);
    cells.clickRow = await timed(() => row.click());
  } catch (error) {
    for (const m of INPUT_METRICS)
      if (!(EDIT_METRICS as readonly string[]).includes(m))
        cells[m] ??= na(`input failed: ${(error as Error).message.split('\n')[0]}`);
  }
  return cells;
}

/** The longest input-to-paint of what `act` does on the page; one under 16 ms reads as 16 (the API's floor). */
async function timedInput(page: Page, act: () => Promise<unknown>): Promise<Cell> {
  // Only entries from now on: the one of the undo before may still be on its way.
  const since = await page.evaluate(() => performance.now());
  await act();
  // Entries are reported after the frame is presented; a second's quiet lets every one of them arrive.
  await page.waitForTimeout(1000);
  const entries = await page.evaluate(
    () => (window as unknown as { __inputs: [number, number][] }).__inputs,
  );
  const durations = entries.filter(([at]) => at >= since).map(([, duration]) => duration);
  return { value: Math.max(16, ...durations) };
}

/**
 * The editor, from the input to the next paint: a key typed into the description of the event the row click chose
 * (edit key), then **Add event** (add click) and **Undo** of it (undo click), each a change of the draft's list of
 * events that its check and its views follow. **Edit** first saves the whole incident as a draft, which is waited
 * for and not timed, and so is the draft's save after each. Last of all, after the heap: the draft would weigh on it.
 */
async function editing(page: Page): Promise<Pick<Run, (typeof EDIT_METRICS)[number]>> {
  const saved = page.getByRole('status', { name: 'Save status' }).filter({ hasText: /^Saved$/ });
  const cells: Pick<Run, (typeof EDIT_METRICS)[number]> = {
    keyEdit: na('not reached'),
    clickAdd: na('not reached'),
    clickUndo: na('not reached'),
  };
  try {
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await saved.waitFor({ timeout: CAP_MS });
    const description = page.getByLabel('Description', { exact: true });
    await description.focus();
    await page.keyboard.press('End');
    cells.keyEdit = await timedInput(page, () => page.keyboard.press('x'));
    await saved.waitFor({ timeout: CAP_MS });
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    cells.clickAdd = await timedInput(page, () => button('Add event').click());
    await saved.waitFor({ timeout: CAP_MS });
    cells.clickUndo = await timedInput(page, () => button('Undo').click());
    await saved.waitFor({ timeout: CAP_MS });
  } catch (error) {
    for (const m of EDIT_METRICS)
      if ('na' in cells[m])
        cells[m] = na(`editing failed: ${(error as Error).message.split('\n')[0]}`);
  }
  return cells;
}

/**
 * The `incident:ready` mark's time. A page busy drawing may not answer until well after it set the mark, so the
 * mark is read when the page next answers (within a second cap's grace); it counts if set within the cap.
 */
async function readyTime(page: Page, deadline: number): Promise<Cell> {
  const mark = () =>
    page.evaluate(() => performance.getEntriesByName('incident:ready')[0]?.startTime ?? -1);
  for (;;) {
    const r = await capped(mark(), Math.max(1000, deadline + CAP_MS - Date.now()));
    if (!('value' in r)) return { capped: true };
    if (r.value >= 0) return cellOf(r);
    if (Date.now() > deadline) return { capped: true };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Runs in the page: resolves once a second passes with no frame over 50 ms, with the time the last long frame ended.
 * Kept as source text because tsx would wrap a named inner function in a helper the page does not have.
 */
const SETTLE = `new Promise((resolve, reject) => {
  const start = performance.now();
  let last = start;
  let lastBusy = start;
  requestAnimationFrame(function tick(now) {
    if (now - last > 50) lastBusy = now;
    last = now;
    if (now - lastBusy > 1000) resolve(lastBusy);
    else if (now - start > CAP) reject(new Error('never settled'));
    else requestAnimationFrame(tick);
  });
})`;

/** Times one hook call in the page; a hook that throws is reported as n/a with its message. */
async function timeHook(page: Page, hook: Hook, args: unknown[]): Promise<Cell> {
  const call = page.evaluate(
    async ([name, hookArgs]) => {
      const bench = window.__incidentTimelineBench!;
      const start = performance.now();
      await (bench[name as 'zoom'] as (...a: unknown[]) => Promise<void>)(
        ...(hookArgs as unknown[]),
      );
      return performance.now() - start;
    },
    [hook, args] as const,
  );
  try {
    return cellOf(await capped(call));
  } catch (error) {
    return na(`${hook} failed: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** The median; a capped run counts as longer than any measured one. */
function median(cells: Cell[]): Cell {
  const measured = cells.filter((c) => !('na' in c));
  if (measured.length === 0) return cells[0] ?? na('not run');
  const sorted = measured.map((c) => ('value' in c ? c.value : Infinity)).sort((a, b) => a - b);
  const mid = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return Number.isFinite(mid) ? { value: mid } : { capped: true };
}

async function parseTiming(browser: Browser, base: string, dataPath: string): Promise<ParseTiming> {
  const samples: Partial<ParseTiming>[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const route of ['main', 'worker'] as const) {
      const page = await browser.newPage();
      await page.goto(`${base}/bench/parse.html`);
      await page.waitForFunction(() => window.__parseTiming !== undefined);
      samples.push(
        await page.evaluate(([src, r]) => window.__parseTiming!(src, r), [
          dataPath,
          route,
        ] as const),
      );
      await page.close();
    }
  }
  const med = (key: keyof ParseTiming) => {
    const xs = samples
      .map((s) => s[key])
      .filter((x): x is number => x !== undefined)
      .sort((a, b) => a - b);
    return xs[Math.floor((xs.length - 1) / 2)] ?? NaN;
  };
  return {
    bytes: med('bytes'),
    mainMs: med('mainMs'),
    workerMs: med('workerMs'),
    workerBlockingMs: med('workerBlockingMs'),
    workerLongestTaskMs: med('workerLongestTaskMs'),
    cloneMs: med('cloneMs'),
    jsonParseMs: med('jsonParseMs'),
  };
}

/** Gzipped size of the JavaScript that the built index.html loads up front (its module script and modulepreloads). */
function format(metric: Metric, cell: Cell): string {
  if ('na' in cell) return 'n/a';
  if ('capped' in cell) return `> ${CAP_MS / 1000} s`;
  if (metric === 'heapMB') return `${cell.value.toFixed(0)} MB`;
  if (metric === 'longTasksMs' && cell.value === 0) return 'none';
  return cell.value >= 1000 ? `${(cell.value / 1000).toFixed(2)} s` : `${cell.value.toFixed(0)} ms`;
}

async function main() {
  const startedAt = new Date().toISOString();
  const load = loadavg();
  if (!flags['no-build']) {
    console.log('building the app (vite build) and the benchmark pages…');
    // The app's benchmark hooks exist only in this build, which goes to its own folder, never to dist/.
    process.env.VITE_BENCH_HOOKS = '1';
    await build({
      root,
      configFile: join(root, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: join(root, 'dist-bench'), emptyOutDir: true },
    });
    await build({ configFile: join(root, 'bench', 'vite.config.ts') });
  }
  const dataDir = join(out, 'data');
  mkdirSync(dataDir, { recursive: true });
  const fileName = (kind: IncidentKind, n: number) => `incident-${kind}-${n}.json`;
  for (const kind of KINDS)
    for (const n of SIZES)
      writeFileSync(join(dataDir, fileName(kind, n)), JSON.stringify(generateIncident(n, 1, kind)));

  const paced = RATE_MB_S && { prefix: '/bench-data/', bytesPerSecond: RATE_MB_S * 1e6 };
  const { url, server } = await serveStatic(
    { '/': join(root, 'dist-bench'), '/bench/': join(out, 'pages'), '/bench-data/': dataDir },
    paced || undefined,
  );
  const browser = await chromium.launch(chromiumLaunch);
  const results: {
    n: number;
    kind: IncidentKind;
    target: Target;
    runs: Run[];
    median: Run;
    notes: string[];
  }[] = [];
  const parse: { n: number; kind: IncidentKind; timing: ParseTiming }[] = [];
  try {
    for (const kind of KINDS)
      for (const n of SIZES) {
        const dataPath = `/bench-data/${fileName(kind, n)}`;
        const what = `${n.toLocaleString('en')} ${kind} events`;
        const measured = PAGES.map((target) => ({
          target,
          runs: [] as Run[],
          notes: [] as string[],
          stopped: false,
        }));
        // The pages in turn, run by run: a machine that speeds up or slows down during a size weighs on both alike,
        // and the targets are ratios between them.
        for (let i = 0; i < RUNS; i++)
          for (const page of measured) {
            const { target, runs, notes } = page;
            if (page.stopped) continue;
            console.log(`${what}, ${target}, run ${i + 1}/${RUNS}…`);
            const run = await measureRun(browser, target, url, dataPath, (cause) =>
              notes.push(`longest load task in run ${i + 1}: ${cause}`),
            ).catch((error: Error) => allNa(`failed: ${error.message.split('\n')[0]}`));
            runs.push(run);
            const reasons = new Set(Object.values(run).flatMap((c) => ('na' in c ? [c.na] : [])));
            if ('capped' in run.ready)
              notes.push(`load over the cap in run ${i + 1}; later runs skipped`);
            page.stopped = 'capped' in run.ready || reasons.has('the app did not load ?src=');
          }
        for (const { target, runs, notes } of measured) {
          const medians = Object.fromEntries(
            METRICS.map((m) => [m, median(runs.map((r) => r[m]))]),
          ) as Run;
          for (const m of METRICS) {
            const cell = medians[m];
            const expected = target === 'app' || !isInputMetric(m);
            if ('na' in cell && expected) notes.push(`${m}: ${cell.na}`);
          }
          results.push({ n, kind, target, runs, median: medians, notes: [...new Set(notes)] });
        }
        // Parsing is timed on files that arrive at once: paced, it would time the download.
        if (n >= 20_000 && !paced) {
          console.log(`${what}, parse: main thread against worker…`);
          parse.push({ n, kind, timing: await parseTiming(browser, url, dataPath) });
        }
      }
  } finally {
    await browser.close();
    server.close();
  }
  // The model's share at the largest size run: 100,000 events unless --sizes says otherwise.
  const modelEvents = Math.max(...SIZES);
  const model: ModelTiming[] = KINDS.map((kind) => {
    console.log(`model timings in Node at ${modelEvents.toLocaleString('en')} ${kind} events…`);
    return modelTiming(modelEvents, kind);
  });
  const gzip = initialJs(join(root, 'dist-bench'));

  const header = [
    'events',
    'kind',
    'page',
    'ready',
    'settled',
    'long tasks',
    'longest',
    'heap',
    'zoom step',
    'filter',
    'pan',
    'search',
    'regroup',
  ];
  const hooked = METRICS.filter((m) => !isInputMetric(m));
  const rows = results.map((r) => [
    r.n.toLocaleString('en'),
    r.kind,
    r.target,
    ...hooked.map((m) => format(m, r.median[m])),
  ]);
  const loads = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  console.log(
    `\nMedians of ${RUNS} runs, cap ${CAP_MS / 1000} s (load average at start: ${loads(load)}, at end: ${loads(loadavg())})`,
  );
  if (RATE_MB_S) console.log(`The incident files arrived at ${RATE_MB_S} MB/s.`);
  console.log(table([header, ...rows]));
  console.log('\nThe app used as a user would, from the input to the next paint (medians):');
  console.log(
    table([
      [
        'events',
        'kind',
        'facet click',
        'search key',
        'zoom click',
        'row click',
        'edit key',
        'add click',
        'undo click',
      ],
      ...results
        .filter((r) => r.target === 'app')
        .map((r) => [
          r.n.toLocaleString('en'),
          r.kind,
          ...INPUT_METRICS.map((m) => format(m, r.median[m])),
        ]),
    ]),
  );
  for (const r of results)
    for (const note of r.notes) console.log(`  ${r.n} ${r.kind} ${r.target}: ${note}`);
  console.log(['\nInitial JS of the app:', ...describeInitialJs(gzip)].join('\n'));
  console.log('\nParse in the browser (median): main thread against worker');
  console.log(
    table([
      [
        'events',
        'kind',
        'file',
        'main thread',
        'worker, total',
        'main-thread long tasks meanwhile',
        'longest',
        'structuredClone',
        'JSON.parse',
      ],
      ...parse.map(({ n, kind, timing: p }) => [
        n.toLocaleString('en'),
        kind,
        `${(p.bytes / 1e6).toFixed(1)} MB`,
        `${p.mainMs.toFixed(0)} ms`,
        `${p.workerMs.toFixed(0)} ms`,
        `${p.workerBlockingMs.toFixed(0)} ms`,
        `${p.workerLongestTaskMs.toFixed(0)} ms`,
        `${p.cloneMs.toFixed(0)} ms`,
        `${p.jsonParseMs.toFixed(0)} ms`,
      ]),
    ]),
  );
  for (const m of model) {
    console.log(
      `\nModel in Node, ${m.events.toLocaleString('en')} ${m.kind} events (${(m.bytes / 1e6).toFixed(1)} MB): decode+validate ${m.parseMs.toFixed(0)} ms, index ${m.indexMs.toFixed(1)} ms`,
    );
    for (const w of m.windows)
      console.log(
        `  itemsForWindow, ${w.name}: ${w.ms.toFixed(1)} ms, ${w.items} items (${w.aggregates} aggregates)`,
      );
    for (const f of m.filters)
      console.log(`  ${f.name}: ${f.ms.toFixed(1)} ms (${f.matched} matched)`);
  }

  const file = resolve(root, flags.out);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    JSON.stringify(
      {
        startedAt,
        machine: {
          cpus: cpus().length,
          cpu: cpus()[0]?.model,
          // Other work on the machine skews every figure; the load averages say how much there was.
          loadAverageAtStart: load,
          loadAverageAtEnd: loadavg(),
          node: process.version,
          chromium: chromiumLaunch.executablePath ?? 'playwright',
        },
        settings: {
          sizes: SIZES,
          kinds: KINDS,
          runs: RUNS,
          capMs: CAP_MS,
          filter: FILTER,
          zoomFactor: ZOOM_FACTOR,
          pan: PAN,
          search: SEARCH,
          regroup: REGROUP,
          viewport: '1280x720',
          rateMBs: RATE_MB_S ?? null,
        },
        initialJsGzipBytes: gzip,
        results,
        parse,
        model,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`\nwrote ${file}`);
}

await main();
