// `tsx bench/vis-update.ts`: times vis-timeline's in-place DataSet updates with and without patches/vis-timeline+*.patch.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type CDPSession } from '@playwright/test';
import { chromiumLaunch } from '../e2e/chromium';
import { generateIncident } from './generate';
import { serveStatic } from './server';
import { table } from './table';
import { buildVisUpdatePage, unpatchedVisTimeline } from './vis-update-build';
import type { Placement, StepTiming } from './vis-update-page';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'bench', 'results', 'vis-update');

const { values: flags } = parseArgs({
  options: {
    events: { type: 'string', default: '20000' },
    runs: { type: 'string', default: '5' },
    counts: { type: 'string', default: '800,1500' },
    'no-profile': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    // A taller page shows more lanes, each drawing new items: 2400 shows about 30.
    height: { type: 'string', default: '720' },
  },
});
const EVENTS = Number(flags.events);
const RUNS = Number(flags.runs);
const COUNTS = flags.counts.split(',').map(Number);
const SHOWN = 1500;
const HEIGHT = Number(flags.height);
const RESTYLE = 800;
type Variant = 'unpatched' | 'patched';
const VARIANTS: Variant[] = ['unpatched', 'patched'];

async function buildPages(unpatched: string) {
  for (const variant of VARIANTS)
    await buildVisUpdatePage(join(out, variant), variant === 'unpatched' ? unpatched : undefined);
}

interface Metrics {
  layouts: number;
  layoutMs: number;
  styleMs: number;
  scriptMs: number;
}

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: m } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => m.find((x) => x.name === name)?.value ?? NaN;
  return {
    layouts: get('LayoutCount'),
    layoutMs: get('LayoutDuration') * 1000,
    styleMs: get('RecalcStyleDuration') * 1000,
    scriptMs: get('ScriptDuration') * 1000,
  };
}

type Measured = StepTiming & Metrics;
interface Step {
  name: string;
  call: 'replace' | 'restyle';
  count: number;
}
const STEPS: Step[] = [
  ...COUNTS.map((count) => ({ name: `replace ${count}`, call: 'replace' as const, count })),
  { name: `restyle ${RESTYLE}`, call: 'restyle', count: RESTYLE },
];

interface Session {
  steps: Record<string, Measured>;
  placements: Record<string, Placement>;
  misplaced: string[];
  profile?: { name: string; selfMs: number; url: string; line: number }[];
}

async function session(
  browser: Browser,
  url: string,
  variant: Variant,
  profileStep?: string,
): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1280, height: HEIGHT } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${url}/${variant}/vis-update.html?src=/data/incident.json`);
    await page.waitForFunction(() => window.__visUpdate !== undefined);
    await page.evaluate((n) => window.__visUpdate!.setup(n), SHOWN);
    const steps: Record<string, Measured> = {};
    let profile: Session['profile'];
    for (const step of STEPS) {
      // Let the previous step's frame finish, so each step starts from a quiet page.
      await page.waitForTimeout(300);
      if (step.name === profileStep) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        await cdp.send('Profiler.start');
      }
      const before = await metrics(cdp);
      const timing = await page.evaluate(([call, count]) => window.__visUpdate![call](count), [
        step.call,
        step.count,
      ] as const);
      const after = await metrics(cdp);
      if (step.name === profileStep) {
        const { profile: p } = await cdp.send('Profiler.stop');
        writeFileSync(join(out, `${variant}.cpuprofile`), JSON.stringify(p));
        profile = selfTimes(p);
      }
      steps[step.name] = {
        ...timing,
        layouts: after.layouts - before.layouts,
        layoutMs: after.layoutMs - before.layoutMs,
        styleMs: after.styleMs - before.styleMs,
        scriptMs: after.scriptMs - before.scriptMs,
      };
    }
    const placements = await page.evaluate(() => window.__visUpdate!.placements());
    const misplaced = await page.evaluate(() => window.__visUpdate!.misplaced());
    return { steps, placements, misplaced, profile };
  } finally {
    await context.close();
  }
}

type Profile = Awaited<ReturnType<CDPSession['send']>> & {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }[];
  samples?: number[];
  timeDeltas?: number[];
};

/** Self time per function, the largest first: where the CPU went during the profiled step. */
function selfTimes(p: Profile) {
  const byNode = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, { name: string; selfMs: number; url: string; line: number }>();
  (p.samples ?? []).forEach((id, i) => {
    const { functionName, url, lineNumber } = byNode.get(id)!.callFrame;
    const key = `${functionName}@${url}:${lineNumber}`;
    const entry = self.get(key) ?? {
      name: functionName || '(anonymous)',
      selfMs: 0,
      url: url.split('/').pop() ?? '',
      line: lineNumber + 1,
    };
    entry.selfMs += (p.timeDeltas?.[i] ?? 0) / 1000;
    self.set(key, entry);
  });
  return [...self.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, 12);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);

/** Items drawn by one variant and not the other, or drawn more than half a pixel apart. */
function differences(a: Record<string, Placement>, b: Record<string, Placement>): string[] {
  const ids = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...ids].filter((id) => {
    const p = a[id];
    const q = b[id];
    if (!p || !q) return true;
    return (['left', 'top', 'width', 'height'] as const).some((k) => Math.abs(p[k] - q[k]) > 0.5);
  });
}

async function main() {
  const load = loadavg();
  mkdirSync(join(out, 'data'), { recursive: true });
  writeFileSync(join(out, 'data', 'incident.json'), JSON.stringify(generateIncident(EVENTS, 1)));
  if (!flags['no-build']) {
    console.log('building the harness page with and without the patch…');
    await buildPages(unpatchedVisTimeline(join(out, 'unpatched-src')));
  }
  const { url, server } = await serveStatic({
    '/unpatched/': join(out, 'unpatched'),
    '/patched/': join(out, 'patched'),
    '/data/': join(out, 'data'),
  });
  const browser = await chromium.launch(chromiumLaunch);
  const sessions: Record<Variant, Session[]> = { unpatched: [], patched: [] };
  const profiles: Partial<Record<Variant, Session['profile']>> = {};
  try {
    for (let run = 0; run < RUNS; run++)
      // Alternate the variants, so a change in the machine's load falls on both alike.
      for (const variant of run % 2 ? [...VARIANTS].reverse() : VARIANTS) {
        console.log(`${variant}, run ${run + 1}/${RUNS}…`);
        sessions[variant].push(await session(browser, url, variant));
      }
    if (!flags['no-profile'])
      for (const variant of VARIANTS) {
        console.log(`${variant}, CPU profile of replace ${COUNTS[0]}…`);
        profiles[variant] = (await session(browser, url, variant, STEPS[0]!.name)).profile;
      }
  } finally {
    await browser.close();
    server.close();
  }

  const medians = Object.fromEntries(
    VARIANTS.map((v) => [
      v,
      Object.fromEntries(
        STEPS.map((s) => {
          const of = (k: keyof Measured) => median(sessions[v].map((x) => x.steps[s.name]![k]));
          const keys = [
            'removeMs',
            'updateMs',
            'drawnMs',
            'layouts',
            'layoutMs',
            'styleMs',
            'scriptMs',
          ] as const;
          return [s.name, Object.fromEntries(keys.map((k) => [k, of(k)])) as unknown as Measured];
        }),
      ),
    ]),
  ) as Record<Variant, Record<string, Measured>>;
  const diff = differences(sessions.unpatched[0]!.placements, sessions.patched[0]!.placements);
  const loads = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  const end = loadavg();

  console.log(
    `\n${EVENTS.toLocaleString('en')} events, ${SHOWN} items shown; medians of ${RUNS} runs (load average at start: ${loads(load)}, at end: ${loads(end)})`,
  );
  console.log(
    table([
      [
        'step',
        'variant',
        'remove',
        'update call',
        'until drawn',
        'layouts',
        'layout',
        'style',
        'script',
      ],
      ...STEPS.flatMap((s) =>
        VARIANTS.map((v) => {
          const m = medians[v][s.name]!;
          return [
            s.name,
            v,
            ms(m.removeMs),
            ms(m.updateMs),
            ms(m.drawnMs),
            m.layouts.toFixed(0),
            ms(m.layoutMs),
            ms(m.styleMs),
            ms(m.scriptMs),
          ];
        }),
      ),
    ]),
  );
  const drawn = Object.keys(sessions.patched[0]!.placements).length;
  console.log(
    `\nPlacements after the same steps: ${drawn} items drawn; ${diff.length} differ between the variants` +
      `; misplaced against the axis: unpatched ${sessions.unpatched[0]!.misplaced.length}, patched ${sessions.patched[0]!.misplaced.length}`,
  );
  for (const v of VARIANTS) {
    const p = profiles[v];
    if (!p) continue;
    console.log(`\nCPU profile, ${v}, ${STEPS[0]!.name}: self time by function (${v}.cpuprofile)`);
    console.log(
      table([
        ['function', 'self', 'where'],
        ...p.map((f) => [f.name, ms(f.selfMs), `${f.url}:${f.line}`]),
      ]),
    );
  }

  const file = join(root, 'bench', 'vis-update-results.json');
  writeFileSync(
    file,
    JSON.stringify(
      {
        startedAt: new Date().toISOString(),
        machine: {
          cpus: cpus().length,
          loadAverageAtStart: load,
          loadAverageAtEnd: end,
          node: process.version,
        },
        settings: { events: EVENTS, shown: SHOWN, runs: RUNS, steps: STEPS },
        medians,
        runs: Object.fromEntries(VARIANTS.map((v) => [v, sessions[v].map((s) => s.steps)])),
        placements: {
          drawn,
          differing: diff,
          misplaced: Object.fromEntries(VARIANTS.map((v) => [v, sessions[v][0]!.misplaced])),
        },
        profiles,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`\nwrote ${file}`);
}

await main();
