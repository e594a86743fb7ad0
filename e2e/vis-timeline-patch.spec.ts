import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateIncident } from '../bench/generate';
import { serveStatic } from '../bench/server';
import { buildVisUpdatePage, unpatchedVisTimeline } from '../bench/vis-update-build';
import { expect, test as base } from './fixtures';
import { VisHarnessPage } from './vis-harness-page';

// patches/vis-timeline+*.patch, seen from a plain vis-timeline: new items are drawn in one batch, where they belong.
const test = base.extend<{ harness: VisHarnessPage }>({
  harness: async ({ page }, use) => {
    await use(new VisHarnessPage(page));
  },
});
test.describe.configure({ mode: 'serial' });

const root = fileURLToPath(new URL('..', import.meta.url));
let dir: string;
let server: Server;
let url: string;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  dir = mkdtempSync(join(tmpdir(), 'vis-harness-'));
  await buildVisUpdatePage(join(dir, 'page'));
  // Inside the project, so the copy's own imports (moment, vis-data…) resolve from node_modules.
  const source = unpatchedVisTimeline(join(root, 'test-results', `vis-unpatched-${process.pid}`));
  await buildVisUpdatePage(join(dir, 'unpatched'), source);
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data', 'incident.json'), JSON.stringify(generateIncident(5000, 1)));
  ({ url, server } = await serveStatic({
    '/page/': join(dir, 'page'),
    '/unpatched/': join(dir, 'unpatched'),
    '/data/': join(dir, 'data'),
  }));
});

test.afterAll(() => {
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('adding 800 items lays the page out a few times, not once per item', async ({ harness }) => {
  await harness.open(`${url}/page`, '/data/incident.json', 1500);
  // Unpatched, vis-timeline draws and measures each new item on its own: 800 items, over 800 layouts.
  expect(await harness.layoutsDuring(() => harness.replace(800))).toBeLessThan(40);
});

test('relabelling 800 items lays the page out a few times, not once per item on screen', async ({
  harness,
}) => {
  await harness.open(`${url}/unpatched`, '/data/incident.json', 1500);
  const unpatched = await harness.layoutsDuring(() => harness.relabel(800));
  await harness.open(`${url}/page`, '/data/incident.json', 1500);
  const patched = await harness.layoutsDuring(() => harness.relabel(800));
  // Unpatched, each updated item on screen is redrawn and measured at once: one layout per item (181 here).
  expect(unpatched).toBeGreaterThan(100);
  expect(patched).toBeLessThan(40);
});

test('a pass over the lanes reads their sizes before it measures new items, so it lays them out once', async ({
  harness,
}) => {
  await harness.open(`${url}/page`, '/data/incident.json', 1500);
  const passes = await harness.readsDuringReplace(800);
  expect(passes.some((reads) => reads.includes('item') && reads.includes('label'))).toBe(true);
  // Without this part of the patch a pass reads lane, item, lane, label: the lane and name sizes are read again
  // after the items are written and measured, which lays every new item out a second time.
  expect(passes.filter((reads) => reads.includes('item') && reads.at(-1) !== 'item')).toEqual([]);
});

test('a new chart draws the items of the lanes it shows, not those of lanes below the view', async ({
  harness,
}) => {
  // 400 px show about 14 of the 40 lanes before they have items (a lane is then as high as its name).
  await harness.open(`${url}/unpatched`, '/data/incident.json', 1500, { maxHeight: 400 });
  const unpatched = await harness.firstDrawAdded();
  await harness.open(`${url}/page`, '/data/incident.json', 1500, { maxHeight: 400 });
  const patched = await harness.firstDrawAdded();
  // Unpatched, every new lane sits at the top with no height yet, so all of them draw (and measure) their items.
  expect(unpatched.lanes).toBeGreaterThanOrEqual(35);
  expect(patched.lanes).toBeGreaterThan(0);
  expect(patched.lanes).toBeLessThan(20);
  expect(patched.items).toBeLessThan(unpatched.items);
  expect(await harness.lanesWithItems()).toBeGreaterThan(0);
});

test('after in-place updates every item is drawn at its time, exactly where a fresh chart draws it', async ({
  harness,
}) => {
  await harness.open(`${url}/page`, '/data/incident.json', 1500);
  await harness.replace(800);
  await harness.replace(1500);
  await harness.restyle(800);
  await harness.relabel(800);
  const placements = await harness.placements();
  expect(Object.keys(placements).length).toBeGreaterThan(100);
  expect(await harness.misplaced()).toEqual([]);
  // Same items, same pixels: the batched path changes when items are drawn, never where.
  expect(await harness.freshPlacements()).toEqual(placements);
});

test('a redraw that keeps the window keeps the time axis as drawn; a zoom draws it anew', async ({
  harness,
}) => {
  await harness.open(`${url}/unpatched`, '/data/incident.json', 1500);
  await harness.axisChanges();
  await harness.replace(800);
  // Unpatched, every redraw builds the axis's labels again and takes the axis out of the page and back.
  expect(await harness.axisChanges()).toBeGreaterThan(0);
  await harness.open(`${url}/page`, '/data/incident.json', 1500);
  await harness.axisChanges();
  await harness.replace(800);
  await harness.relabel(800);
  expect(await harness.axisChanges()).toBe(0);
  await harness.zoom(0.5);
  expect(await harness.axisChanges()).toBeGreaterThan(0);
});

test('after redraws and zooms the time axis reads exactly as the unpatched library draws it', async ({
  harness,
}) => {
  const steps = async () => {
    await harness.replace(800);
    await harness.zoom(0.5);
    await harness.replace(800);
    await harness.zoom(0.25);
    return harness.axisLabels();
  };
  await harness.open(`${url}/unpatched`, '/data/incident.json', 1500);
  const unpatched = await steps();
  await harness.open(`${url}/page`, '/data/incident.json', 1500);
  expect(unpatched.length).toBeGreaterThan(5);
  expect(await steps()).toEqual(unpatched);
});

test.describe('with every lane on screen', () => {
  test.use({ viewport: { width: 1280, height: 2400 } });

  test('new items in every lane are measured in a few layouts, not one per lane', async ({
    harness,
  }) => {
    // Unstacked, each of the 40 lanes is one row high, so all of them draw their new items.
    await harness.open(`${url}/page`, '/data/incident.json', 1500, { stack: false });
    const layouts = await harness.layoutsDuring(() => harness.replace(800));
    expect(await harness.lanesWithItems()).toBeGreaterThanOrEqual(30);
    // Each lane measuring its new items on its own lays the page out once per lane: 47 times here, against 8–20
    // (the count includes each frame's own layout, and a loaded machine draws more frames meanwhile).
    expect(layouts).toBeLessThan(30);
  });

  for (const stack of [true, false])
    test(`the patched library places every item exactly as the unpatched one (${stack ? 'stacked' : 'one row per lane'})`, async ({
      harness,
    }) => {
      // Two charts of 1,500 items drawn one after the other: slow on a busy two-core machine.
      test.setTimeout(120_000);
      await harness.open(`${url}/unpatched`, '/data/incident.json', 1500, { stack });
      await harness.replace(800);
      const unpatched = await harness.placements();
      await harness.open(`${url}/page`, '/data/incident.json', 1500, { stack });
      await harness.replace(800);
      expect(Object.keys(unpatched).length).toBeGreaterThan(100);
      expect(await harness.placements()).toEqual(unpatched);
    });
});
