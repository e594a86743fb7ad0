import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateIncident } from '../bench/generate';
import { serveStatic } from '../bench/server';
import { buildVisUpdatePage } from '../bench/vis-update-build';
import { expect, test as base } from './fixtures';
import { VisHarnessPage } from './vis-harness-page';

// patches/vis-timeline+*.patch, seen from a plain vis-timeline: new items are drawn in one batch, where they belong.
const test = base.extend<{ harness: VisHarnessPage }>({
  harness: async ({ page }, use) => {
    await use(new VisHarnessPage(page));
  },
});
test.describe.configure({ mode: 'serial' });

let dir: string;
let server: Server;
let url: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = mkdtempSync(join(tmpdir(), 'vis-harness-'));
  await buildVisUpdatePage(join(dir, 'page'));
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data', 'incident.json'), JSON.stringify(generateIncident(5000, 1)));
  ({ url, server } = await serveStatic({
    '/page/': join(dir, 'page'),
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

test('after in-place updates every item is drawn at its time, exactly where a fresh chart draws it', async ({
  harness,
}) => {
  await harness.open(`${url}/page`, '/data/incident.json', 1500);
  await harness.replace(800);
  await harness.replace(1500);
  await harness.restyle(800);
  const placements = await harness.placements();
  expect(Object.keys(placements).length).toBeGreaterThan(100);
  expect(await harness.misplaced()).toEqual([]);
  // Same items, same pixels: the batched path changes when items are drawn, never where.
  expect(await harness.freshPlacements()).toEqual(placements);
});
