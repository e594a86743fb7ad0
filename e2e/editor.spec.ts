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

const FILLED = {
  Title: 'Alert fired',
  'Start (UTC)': '2024-03-05 09:00',
  Description: 'The SIEM alerted.',
  'Where in the source': 'Shift log',
};

test('a second tab on the same draft only shows it until it takes over, and no edit is lost', async ({
  app,
  context,
}) => {
  test.setTimeout(90_000);
  await app.goto();
  await app.button('New incident').click();
  await app.button('Add event').click();
  await app.fillEvent(FILLED);
  await expect(app.draftStatus).toHaveText('Saved');

  const second = new TimelinePage(await context.newPage());
  await second.page.goto(app.page.url());
  await expect(second.draftStatus).toHaveText(
    'This draft is open in another tab: this tab only shows it.',
  );
  await expect(second.button('Add event')).toBeDisabled();
  await expect(second.field('Title')).toBeDisabled();

  // The first tab's edits reach the second while it only reads.
  await app.fillEvent({ Description: 'The SIEM alerted twice.' });
  await expect(second.field('Description')).toHaveValue('The SIEM alerted twice.');

  await second.button('Edit here instead').click();
  await expect(second.draftStatus).toHaveText('Saved');
  await expect(app.draftStatus).toHaveText(
    'Another tab took over this draft: this tab only shows it.',
  );
  await expect(app.button('Add event')).toBeDisabled();
  await second.fillEvent({ Description: 'Edited in the second tab.' });
  await expect(second.draftStatus).toHaveText('Saved');
  await expect(app.field('Description')).toHaveValue('Edited in the second tab.');
});

test('when the browser refuses to store the draft, it says so, keeps the draft and still exports it', async ({
  app,
  page,
}) => {
  // A full disk or a private window: every write to the database fails with the browser's quota error.
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await app.goto();
  await app.button('New incident').click();
  await expect(app.draftStatus).toHaveText(
    'Not saved: this browser refused to store the draft (QuotaExceededError: The quota has been exceeded.). It is kept in this tab only; save the incident file to keep it.',
  );
  await app.button('Add event').click();
  await app.fillEvent(FILLED);
  await expect.poll(() => app.drawnEventIds()).toEqual(['alert-fired']);
  const saved = await app.download('Save incident file');
  expect((JSON.parse(saved.text) as { events: { id: string }[] }).events.map((e) => e.id)).toEqual([
    'alert-fired',
  ]);
});

test('the editing path works by keyboard: add, type, undo, and Delete on the selected event', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  await app.goto();
  await app.button('New incident').focus();
  await page.keyboard.press('Enter');
  await expect(app.draftStatus).toHaveText('Saved');
  await app.button('Add event').focus();
  await page.keyboard.press('Enter');
  await app.field('Title').focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Alert fired');
  await page.keyboard.press('Tab');
  await page.keyboard.type('The SIEM alerted.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('2024-03-05 09:00');
  await page.keyboard.press('Enter');
  await app.field('Where in the source').focus();
  await page.keyboard.type('Shift log');
  await expect.poll(() => app.drawnEventIds()).toEqual(['alert-fired']);
  expect((await app.query()).get('event')).toBe('alert-fired');

  // Delete acts on the selected event when focus is not in a field, and is undone like any change.
  await app.button('Undo').focus();
  await page.keyboard.press('Delete');
  await expect(page.getByText('No events yet: add one with “Add event”.')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect.poll(() => app.drawnEventIds()).toEqual(['alert-fired']);
});

test('embedding a draft says it lives only in this browser and offers the file instead', async ({
  app,
  page,
}) => {
  await app.goto();
  await app.button('New incident').click();
  await expect(app.draftStatus).toHaveText('Saved');
  await app.button('Embed').click();
  await expect(
    page.getByRole('dialog').getByText(/This draft lives only in this browser/),
  ).toBeVisible();
});

test('a link with mode=edit and no draft opens the incident shown as a draft, once', async ({
  app,
  page,
}) => {
  await app.goto('?mode=edit');
  await expect(app.draftStatus).toHaveText('Saved');
  await expect(app.button('Add event')).toBeVisible();
  const draft = (await app.query()).get('draft');
  expect(draft).toBeTruthy();
  expect((await app.query()).get('mode')).toBe('edit');
  await expect.poll(async () => (await app.drawnEventIds()).length).toBeGreaterThan(10);
  await page.reload();
  await expect(app.button('Add event')).toBeVisible();
  expect((await app.query()).get('draft')).toBe(draft);
});

test('a reload straight after typing keeps the last keystrokes', async ({ app, page }) => {
  await app.goto();
  await app.button('New incident').click();
  await app.button('Add event').click();
  await app.fillEvent({ ...EVENTS[0], ...cite });
  await expect(app.draftStatus).toHaveText('Saved');
  // Typed and reloaded at once: the database's write, started as the page goes away, cannot finish in time.
  await app.field('Description').press('End');
  await page.keyboard.type(' ABC');
  await page.reload();
  await expect(app.field('Description')).toHaveValue('The SIEM alerted. ABC');
  await expect(app.draftStatus).toHaveText('Saved');
});

test('a reload straight after typing a time, before leaving its field, keeps the time', async ({
  app,
  page,
}) => {
  await app.goto();
  await app.button('New incident').click();
  await app.button('Add event').click();
  await app.fillEvent({ ...EVENTS[0], ...cite });
  await expect(app.draftStatus).toHaveText('Saved');
  // A time is written on leaving its field or Enter; reloading does neither.
  await app.field('Start (UTC)').fill('2024-03-05 09:47');
  await page.reload();
  await expect(app.field('Start (UTC)')).toHaveValue('2024-03-05 09:47');
  // Text that is not a time yet is left as it was, not written as a problem.
  await app.field('End (UTC)').fill('2024-03-05 1');
  await page.reload();
  await expect(app.field('End (UTC)')).toHaveValue('');
  await expect(app.draftStatus).toHaveText('Saved');
});

test('typing a title undoes as one step, and the event stays selected though its id followed the title', async ({
  app,
  page,
}) => {
  await app.goto();
  await app.button('New incident').click();
  await app.button('Add event').click();
  await app.fillEvent({ Title: 'Laptop reimaged', ...cite });
  await expect.poll(async () => (await app.query()).get('event')).toBe('laptop-reimaged');
  await app.field('Title').press('End');
  await page.keyboard.type(' now');
  await expect.poll(async () => (await app.query()).get('event')).toBe('laptop-reimaged-now');
  await app.field('Title').press('Control+z');
  await expect(app.field('Title')).toHaveValue('Laptop reimaged');
  await expect.poll(async () => (await app.query()).get('event')).toBe('laptop-reimaged');
  await app.button('Redo').click();
  await expect(app.field('Title')).toHaveValue('Laptop reimaged now');
  await expect.poll(async () => (await app.query()).get('event')).toBe('laptop-reimaged-now');
});

test('leaving an empty End field changes nothing, so Undo takes back the change before it', async ({
  app,
}) => {
  await app.goto();
  await app.button('New incident').click();
  await app.button('Add event').click();
  await app.fillEvent({ 'Where in the source': 'Shift log' });
  await app.field('End (UTC)').focus();
  await app.field('End (UTC)').press('Tab');
  await app.button('Undo').click();
  await expect(app.field('Where in the source')).toHaveValue('');
});

test('Delete event right after Add event clears the selection, and a reload does not select the deleted id', async ({
  app,
  page,
}) => {
  await app.draftWithOneEvent();
  await expect.poll(async () => (await app.query()).get('event')).toBe('new-event');
  await app.button('Delete event').click();
  await expect.poll(async () => (await app.query()).get('event')).toBeNull();
  await expect(app.draftStatus).toHaveText('Saved');
  await page.reload();
  await expect(app.draftStatus).toHaveText('Saved');
  expect((await app.query()).get('event')).toBeNull();
});
