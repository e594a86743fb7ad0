import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect, test } from './fixtures';
import { TimelinePage } from './timeline-page';

const schema = JSON.parse(
  readFileSync(new URL('../public/schema/incident.schema.json', import.meta.url), 'utf8'),
) as object;

const EVENTS = [
  { Title: 'Alert fired', 'Start (UTC)': '2024-03-05 09:00', Description: 'The SIEM alerted.' },
  { Title: 'Token revoked', 'Start (UTC)': '2024-03-05 12:00', Description: 'Revoked.' },
  { Title: 'Attacker logged in', 'Start (UTC)': '2024-03-05 07:30', Description: 'First login.' },
];
const cite = { 'Where in the source': 'Shift log' };

test('a new incident written by forms and on the chart survives a reload, exports a valid file and a single HTML page', async ({
  app,
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await app.goto();
  await app.button('New incident').click();
  await expect(app.draftStatus).toHaveText('Saved');
  expect((await app.query()).get('mode')).toBe('edit');

  for (const e of EVENTS) {
    await app.button('Add event').click();
    await app.fillEvent({ ...e, ...cite });
  }
  await expect(page.getByText('No problems: this draft is a valid incident file.')).toBeVisible();
  await expect
    .poll(() => app.drawnEventIds())
    .toEqual(['alert-fired', 'attacker-logged-in', 'token-revoked']);

  await app.doubleClickChart(0.6);
  await expect(app.field('Title')).toHaveValue('New event');
  await app.fillEvent({ Title: 'Postmortem written', Description: 'Written up.', ...cite });
  await expect
    .poll(() => app.drawnEventIds())
    .toEqual(['alert-fired', 'attacker-logged-in', 'postmortem-written', 'token-revoked']);

  await app.clickChartItem('token-revoked');
  await expect(app.field('Start (UTC)')).toHaveValue('2024-03-05 12:00');
  await app.dragItem('token-revoked', 80);
  await expect(app.field('Start (UTC)')).not.toHaveValue('2024-03-05 12:00');
  const moved = await app.field('Start (UTC)').inputValue();
  expect(moved > '2024-03-05 12:00').toBe(true);

  await app.button('Undo').click();
  await expect(app.field('Start (UTC)')).toHaveValue('2024-03-05 12:00');
  await app.button('Redo').click();
  await expect(app.field('Start (UTC)')).toHaveValue(moved);
  await page.keyboard.press('Control+z');
  await expect(app.field('Start (UTC)')).toHaveValue('2024-03-05 12:00');
  await page.keyboard.press('Control+Shift+Z');
  await expect(app.field('Start (UTC)')).toHaveValue(moved);
  await expect(app.draftStatus).toHaveText('Saved');

  await page.reload();
  await expect(app.draftStatus).toHaveText('Saved');
  await expect(app.field('Start (UTC)')).toHaveValue(moved);
  await expect
    .poll(() => app.drawnEventIds())
    .toEqual(['alert-fired', 'attacker-logged-in', 'postmortem-written', 'token-revoked']);
  // Undo survives the reload too.
  await app.button('Undo').click();
  await expect(app.field('Start (UTC)')).toHaveValue('2024-03-05 12:00');
  await app.button('Redo').click();

  const saved = await app.download('Save incident file');
  const file = JSON.parse(saved.text) as { events: { id: string; title: unknown }[] };
  const ajv = new Ajv2020({ allErrors: true });
  addFormats.default(ajv);
  expect(ajv.validate(schema, file), JSON.stringify(ajv.errors)).toBe(true);
  expect(file.events.map((e) => e.id).sort()).toEqual([
    'alert-fired',
    'attacker-logged-in',
    'postmortem-written',
    'token-revoked',
  ]);

  const single = await app.download('Download as a single HTML file');

  // Re-imported, the file is the same incident, and becomes a draft of its own.
  const draft = (await app.query()).get('draft');
  await app.openFile({
    name: saved.name,
    mimeType: 'application/json',
    buffer: Buffer.from(saved.text),
  });
  await expect.poll(async () => (await app.query()).get('draft')).not.toBe(draft);
  await app.button('Edit').click();
  const again = await app.download('Save incident file');
  // The same incident; its events come back in time order, as the app reads every file.
  const byId = (f: typeof file) => ({
    ...f,
    events: [...f.events].sort((a, b) => (a.id < b.id ? -1 : 1)),
  });
  expect(byId(JSON.parse(again.text) as typeof file)).toEqual(byId(file));

  // The single HTML file, from file:// with the network blocked, shows the events.
  const path = join(mkdtempSync(join(tmpdir(), 'single-')), single.name);
  writeFileSync(path, single.text);
  const offline = await context.newPage();
  const requests: string[] = [];
  await offline.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  const away = new TimelinePage(offline);
  await offline.goto(`file://${path}`);
  await away.waitForReady();
  await expect(away.heading).toHaveText('Untitled incident');
  await expect
    .poll(() => away.drawnEventIds())
    .toEqual(['alert-fired', 'attacker-logged-in', 'postmortem-written', 'token-revoked']);
  expect(requests).toEqual([]);
});
