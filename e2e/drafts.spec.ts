import { bundled, expect, test } from './fixtures';
import { TimelinePage } from './timeline-page';

const FILLED = {
  Title: 'Alert fired',
  'Start (UTC)': '2024-03-05 09:00',
  Description: 'The SIEM alerted.',
  'Where in the source': 'Shift log',
};

/** Starts a new draft titled `title` with one valid event; returns its id. */
async function newDraft(app: TimelinePage, title: string): Promise<string> {
  await app.button('New incident').click();
  await expect(app.draftStatus).toHaveText('Saved');
  await app.field('Incident title').fill(title);
  await app.button('Add event').click();
  await app.fillEvent(FILLED);
  await expect(app.draftStatus).toHaveText('Saved');
  return (await app.query()).get('draft')!;
}

test('the drafts list shows every draft with its last save, and renames, duplicates, deletes with undo and saves a file', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  await app.goto();
  const phishing = await newDraft(app, 'Phishing at the front desk');
  await newDraft(app, 'Lost laptop');

  await app.button('Open…').click();
  await expect(app.draftsDialog.getByRole('listitem')).toHaveCount(2);
  await expect(app.draftRow('Lost laptop')).toHaveAttribute('aria-current', 'true');
  await expect(app.draftRow('Lost laptop')).toContainText('Open now');
  await expect(app.draftRow('Phishing at the front desk')).not.toContainText('Open now');
  await expect(app.draftRow('Phishing at the front desk')).toContainText(
    /Last saved \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC · 1 event/,
  );

  await app.draftRow('Phishing at the front desk').getByRole('button', { name: 'Rename' }).click();
  await app.field('New title for “Phishing at the front desk”').fill('Phishing, renamed');
  await app.draftsDialog.getByRole('button', { name: 'Save title' }).click();
  await expect(app.draftsNote).toHaveText('Renamed to “Phishing, renamed”.');
  await expect(app.draftRow('Phishing, renamed')).toBeVisible();

  await app.draftRow('Phishing, renamed').getByRole('button', { name: 'Duplicate' }).click();
  await expect(app.draftRow('Phishing, renamed (copy)')).toBeVisible();
  await expect(app.draftsDialog.getByRole('listitem')).toHaveCount(3);

  const copy = await app.downloadFrom(
    app.draftRow('Phishing, renamed (copy)'),
    'Save incident file',
  );
  const file = JSON.parse(copy.text) as { title: unknown; events: { id: string }[] };
  expect(file.title).toEqual({ en: 'Phishing, renamed (copy)' });
  expect(file.events.map((e) => e.id)).toEqual(['alert-fired']);

  await app.draftRow('Phishing, renamed (copy)').getByRole('button', { name: 'Delete' }).click();
  await expect(app.draftsNote).toHaveText('Deleted “Phishing, renamed (copy)”. Undo');
  await expect(app.draftsDialog.getByRole('listitem')).toHaveCount(2);
  await app.draftsNote.getByRole('button', { name: 'Undo' }).click();
  await expect(app.draftsNote).toHaveText('Restored “Phishing, renamed (copy)”.');
  await expect(app.draftsDialog.getByRole('listitem')).toHaveCount(3);

  // Opening a renamed draft: its title is the new one and its undo history is the one it had.
  await app.draftRow('Phishing, renamed').getByRole('button', { name: 'Open' }).click();
  await expect(app.draftsDialog).toBeHidden();
  await expect.poll(async () => (await app.query()).get('draft')).toBe(phishing);
  await expect(app.heading).toHaveText('Phishing, renamed');
  await expect(app.field('Incident title')).toHaveValue('Phishing, renamed');
  await app.clickChartItem('alert-fired');
  await expect(app.field('Where in the source')).toHaveValue('Shift log');
  await app.button('Undo').click();
  await expect(app.field('Where in the source')).toHaveValue('');
  await expect(page.getByText('1 problem to fix before export or present')).toBeVisible();
});

test('deleting the open draft returns to the bundled incident, and Undo brings the draft back with its undo history', async ({
  app,
}) => {
  test.setTimeout(90_000);
  await app.goto();
  const bundledTitle = await app.heading.textContent();
  const id = await newDraft(app, 'Lost laptop');

  await app.button('Open…').click();
  await app.draftRow('Lost laptop').getByRole('button', { name: 'Delete' }).click();
  await expect(app.draftsNote).toHaveText(
    'Deleted “Lost laptop”, the draft that was open: the bundled incident is shown instead. Undo',
  );
  await expect(app.heading).toHaveText(bundledTitle!);
  expect((await app.query()).get('draft')).toBeNull();
  await expect(app.draftsDialog.getByRole('listitem')).toHaveCount(0);

  await app.draftsNote.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await app.query()).get('draft')).toBe(id);
  await expect(app.heading).toHaveText('Lost laptop');
  await app.draftsDialog.getByRole('button', { name: 'Close' }).click();
  await expect(app.draftStatus).toHaveText('Saved');
  await app.clickChartItem('alert-fired');
  await expect(app.field('Where in the source')).toHaveValue('Shift log');
  await app.button('Undo').click();
  await expect(app.field('Where in the source')).toHaveValue('');
});

test('a draft open in another tab is neither renamed nor deleted from this one, and says why', async ({
  app,
  context,
}) => {
  test.setTimeout(90_000);
  await app.goto();
  await newDraft(app, 'Lost laptop');

  const other = new TimelinePage(await context.newPage());
  await other.goto();
  await other.button('Open…').click();
  const why =
    '“Lost laptop” is open in another tab: close it there first, so that tab’s edits are not lost.';
  await other.draftRow('Lost laptop').getByRole('button', { name: 'Delete' }).click();
  await expect(other.draftsNote).toHaveText(why);
  await expect(other.draftRow('Lost laptop')).toBeVisible();
  await other.draftRow('Lost laptop').getByRole('button', { name: 'Rename' }).click();
  await other.field('New title for “Lost laptop”').fill('Taken from the other tab');
  await other.draftsDialog.getByRole('button', { name: 'Save title' }).click();
  await expect(other.draftsNote).toHaveText(why);
  await expect(other.draftRow('Lost laptop')).toBeVisible();
  // The first tab keeps editing, and its draft is intact.
  await app.fillEvent({ Description: 'Still mine.' });
  await expect(app.draftStatus).toHaveText('Saved');
  await expect(app.heading).toHaveText('Lost laptop');

  // Once that tab is closed, the draft is free to delete.
  await app.page.close();
  // The browser frees the closed tab's lock a moment after the tab is gone.
  await expect(async () => {
    await other.draftRow('Lost laptop').getByRole('button', { name: 'Delete' }).click();
    await expect(other.draftsNote).toHaveText('Deleted “Lost laptop”. Undo', { timeout: 1000 });
  }).toPass();
});

test('an export of a filtered view says so in the menu and in its file name', async ({
  app,
  page,
}) => {
  await app.goto('?phase=persistence,lateral-movement');
  const shown = await app.listRows.count();
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(46);
  await page.getByText('Export', { exact: true }).click();
  await expect(
    page.getByRole('button', {
      name: `Spreadsheet (CSV) (${shown} of 46 events shown)`,
      exact: true,
    }),
  ).toBeVisible();
  await expect(page.getByText(`exports hold only the ${shown} of 46 shown`)).toBeVisible();
  const csv = await app.exportAs('csv');
  expect(csv.name).toBe('cloudflare-thanksgiving-2023-filtered.csv');

  // Without filters, the names are the plain ones.
  await app.goto();
  await page.getByText('Export', { exact: true }).click();
  await expect(page.getByRole('button', { name: 'Spreadsheet (CSV)', exact: true })).toBeVisible();
  expect((await app.exportAs('csv')).name).toBe('cloudflare-thanksgiving-2023.csv');
});

test('in edit mode, “Save incident file” saves every event of the draft, also when filters hide some', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  await app.goto();
  await newDraft(app, 'Lost laptop');
  await app.button('Add event').click();
  await app.fillEvent({ ...FILLED, Title: 'Token revoked', 'Start (UTC)': '2024-03-05 12:00' });
  await expect.poll(() => app.drawnEventIds()).toEqual(['alert-fired', 'token-revoked']);

  await app.search.fill('Token');
  await expect.poll(() => app.drawnEventIds()).toEqual(['token-revoked']);
  await page.getByText('Export', { exact: true }).click();
  await expect(
    page.getByRole('button', { name: 'Incident file (JSON) (1 of 2 events shown)', exact: true }),
  ).toBeVisible();
  const filtered = await app.exportAs('app-json');
  expect(filtered.name).toBe('untitled-filtered.json');
  const part = JSON.parse(filtered.body.toString('utf8')) as { events: { id: string }[] };
  expect(part.events.map((e) => e.id)).toEqual(['token-revoked']);

  const whole = await app.download('Save incident file');
  expect(whole.name).toBe('untitled.json');
  const all = JSON.parse(whole.text) as { events: { id: string }[] };
  expect(all.events.map((e) => e.id).sort()).toEqual(['alert-fired', 'token-revoked']);
});

test('the bundled incident edited and saved is its whole file, without the repository’s path to the schema', async ({
  app,
}) => {
  await app.goto();
  await app.button('Edit').click();
  await expect(app.draftStatus).toHaveText('Saved');
  const saved = JSON.parse((await app.download('Save incident file')).text) as {
    $schema?: string;
    events: unknown[];
  };
  expect(saved).not.toHaveProperty('$schema');
  expect(saved.events).toHaveLength(bundled.events.length);
});

test('a link to a draft or an embed of it says the draft lives only in this browser and offers its files instead', async ({
  app,
  page,
  context,
}) => {
  test.setTimeout(90_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.goto();
  await newDraft(app, 'Lost laptop');

  await app.button('Copy link').click();
  const notice = page
    .getByRole('status')
    .filter({ hasText: 'Link copied, but it opens this draft only in this browser' });
  await expect(notice).toBeVisible();
  const fromLink = await app.downloadFrom(notice, 'Save incident file');
  expect(fromLink.name).toBe('untitled.json');
  expect((JSON.parse(fromLink.text) as { title: unknown }).title).toEqual({ en: 'Lost laptop' });
  await expect(
    notice.getByRole('button', { name: 'Download as a single HTML file' }),
  ).toBeVisible();
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();

  await app.button('Embed').click();
  const embed = page.getByRole('dialog', { name: 'Embed this view' });
  await expect(embed).toContainText(
    'This draft lives only in this browser: an embed of it would load nowhere else',
  );
  // No iframe snippet that could never load.
  await expect(embed.getByRole('textbox')).toHaveCount(0);
  await expect(embed.getByText('<iframe')).toHaveCount(0);
  const fromEmbed = await app.downloadFrom(embed, 'Download as a single HTML file');
  expect(fromEmbed.name).toBe('untitled.html');
  expect(fromEmbed.text).toContain('Lost laptop');
  await embed.getByRole('button', { name: 'Close' }).click();

  // The bundled incident still offers its snippet.
  await app.goto();
  await app.button('Embed').click();
  await expect(
    page.getByRole('dialog', { name: 'Embed this view' }).getByRole('textbox'),
  ).toHaveValue(/<iframe/);
});

test('a draft with problems is neither exported nor presented: each says what to fix first and links to the problems', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  await app.goto();
  const id = await newDraft(app, 'Lost laptop');
  // An event without its citation's locator is a problem; the valid one stays on the chart.
  await app.button('Add event').click();
  await app.fillEvent({
    Title: 'Token revoked',
    'Start (UTC)': '2024-03-05 12:00',
    Description: 'Revoked.',
  });
  await expect(page.getByText('1 problem to fix before export or present')).toBeVisible();
  const fix = 'This draft has 1 problem: fix it before exporting.';

  await app.button('Save incident file').click();
  await expect(page.getByRole('alert').filter({ hasText: fix })).toBeVisible();
  await page
    .getByRole('alert')
    .filter({ hasText: fix })
    .getByRole('button', { name: 'Dismiss' })
    .click();

  await app.chooseExport('csv');
  const fromMenu = page.getByRole('alert').filter({ hasText: fix });
  await expect(fromMenu).toBeVisible();
  await fromMenu.getByRole('link', { name: 'Show the problems' }).click();
  await expect(
    page.getByRole('region', { name: 'Problems' }).getByRole('link').first(),
  ).toBeFocused();

  await app.button('Present').click();
  const present = page
    .getByRole('alert')
    .filter({ hasText: 'This draft has 1 problem: fix it before presenting.' });
  await expect(present).toBeVisible();
  expect((await app.query()).get('mode')).toBe('edit');

  // The link straight to present mode says the same, and leads back to the problems.
  await page.goto(`./?draft=${id}&mode=present`);
  const blocked = page.getByRole('alert').filter({ hasText: 'fix it before presenting' });
  await expect(blocked).toBeVisible();
  await expect(app.presentControls).toHaveCount(0);
  await blocked.getByRole('link', { name: 'Show the problems' }).click();
  await expect.poll(async () => (await app.query()).get('mode')).toBe('edit');
  const problem = page.getByRole('region', { name: 'Problems' }).getByRole('link').first();
  await expect(problem).toBeFocused();
  await problem.click();
  await expect(app.field('Where in the source')).toBeFocused();
  await app.field('Where in the source').fill('Shift log');
  await expect(page.getByText('No problems: this draft is a valid incident file.')).toBeVisible();

  await app.button('Present').click();
  await expect.poll(async () => (await app.query()).get('mode')).toBe('present');
  await expect(app.presentControls).toBeVisible();
});

// Each holds back one chunk that opening a file waits for: the file formats while it is read, the draft check
// while the draft it becomes is written and checked.
for (const [stage, chunk] of [
  ['is read', /\/assets\/formats-[^/]*\.js$/],
  ['is becoming a draft', /\/assets\/draft-check-[^/]*\.js$/],
] as const) {
  test(`Edit clicked while an opened file ${stage} edits that file's draft, and makes no second one`, async ({
    app,
    page,
  }) => {
    await app.goto();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(chunk, async (route) => {
      await held;
      await route.continue();
    });
    const asked = page.waitForRequest(chunk);
    const opened = { ...bundled, id: 'opened-file', title: { en: 'The opened file' } };
    await app.openFile({
      name: 'opened.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(opened)),
    });
    await asked;
    await app.button('Edit').click();
    release();
    await expect(app.draftStatus).toHaveText('Saved');
    await expect(app.heading).toHaveText('The opened file');
    await expect(app.field('Incident title')).toHaveValue('The opened file');
    await app.button('Open…').click();
    await expect(app.draftsDialog.getByRole('listitem')).toHaveCount(1);
    await expect(app.draftRow('The opened file')).toContainText('Open now');
  });
}

test('another version of the app in another tab: a newer one is never held up and this tab says to reload; an older one is named as what holds the drafts up', async ({
  app,
  context,
}) => {
  test.setTimeout(90_000);
  await app.goto();
  await newDraft(app, 'Lost laptop');

  // A tab of a newer version upgrades the database: this tab gives way at once, and its next change says why it is not saved.
  const newer = await context.newPage();
  await newer.goto(app.page.url());
  await newer.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('incident-timeline', 99);
        open.onsuccess = () => resolve();
        open.onerror = () => reject(open.error);
      }),
  );
  await app.fillEvent({ Description: 'Written after the upgrade.' });
  await expect(app.draftStatus).toHaveText(
    'Not saved: A newer version of Incident Timeline opened this browser’s drafts and notes in another tab. Reload this page to go on saving here. Until then only this tab holds the changes: save the incident file to keep them.',
  );
  await expect(app.field('Description')).toHaveValue('Written after the upgrade.');
  await newer.close();
  await app.page.close();

  // A tab of an older version, which never gives way, holds the database at its version: the drafts list names it.
  const older = await context.newPage();
  await older.goto(app.page.url());
  await older.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        indexedDB.deleteDatabase('incident-timeline').onsuccess = () => {
          const open = indexedDB.open('incident-timeline', 2);
          open.onupgradeneeded = () => open.result.createObjectStore('drafts', { keyPath: 'id' });
          open.onsuccess = () => resolve();
          open.onerror = () => reject(open.error);
        };
      }),
  );
  const fresh = new TimelinePage(await context.newPage());
  await fresh.goto();
  await fresh.button('Open…').click();
  await expect(fresh.draftsDialog).toContainText(
    'The drafts cannot be read: A tab running an older version of Incident Timeline holds this browser’s drafts and notes. Close or reload that tab, then reload this page.',
  );
});

test('an export or Present clicked right after typing a problem is refused: each click checks the draft as it is', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  await app.goto();
  await newDraft(app, 'Lost laptop');
  await expect(page.getByText('No problems: this draft is a valid incident file.')).toBeVisible();
  // Time stands still from here: the problems listed wait for typing to pause, which never comes.
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 60_000);
  await app.field('Incident title').fill('');
  await expect(page.getByText('No problems: this draft is a valid incident file.')).toBeVisible();

  const fix = 'This draft has 1 problem: fix it before exporting.';
  await app.chooseExport('csv');
  await expect(page.getByRole('alert').filter({ hasText: fix })).toBeVisible();
  await app.button('Present').click();
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: 'This draft has 1 problem: fix it before presenting.' }),
  ).toBeVisible();
  expect((await app.query()).get('mode')).toBe('edit');

  // Once time goes on, the list catches up.
  await page.clock.resume();
  await expect(page.getByText('1 problem to fix before export or present')).toBeVisible();
});

test('typing in an event’s texts shows them on the chart, in the list and to the search once typing pauses', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  await app.goto();
  const row = app.listRows.nth(5);
  const id = (await row.getAttribute('data-event'))!;
  await row.click();
  await app.button('Edit').click();
  await expect(app.draftStatus).toHaveText('Saved');
  const title = await app.field('Title').inputValue();
  await app.field('Title').press('End');
  await page.keyboard.type(' (retold)', { delay: 40 });
  await app.field('Description').press('End');
  await page.keyboard.type(' Xylophone.', { delay: 40 });
  await expect(app.chartItem(id)).toContainText(`${title} (retold)`);
  await app.search.fill('xylophone');
  await expect.poll(() => app.drawnEventIds()).toEqual([id]);
  await expect(app.listRows).toHaveCount(1);
  await expect(app.listRows.first()).toContainText(`${title} (retold)`);
});

test('Cancel stops opening a draft: the page says so, and the draft does not appear when its checks arrive later', async ({
  app,
  page,
}) => {
  await app.goto();
  const id = await newDraft(app, 'Lost laptop');
  // The draft's checks are fetched by a page that opens it: held back, the load waits for them.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const chunk = /\/assets\/draft-check-[^/]*\.js$/;
  await page.route(chunk, async (route) => {
    await held;
    await route.continue();
  });
  const asked = page.waitForRequest(chunk);
  await page.goto(`./?draft=${id}`);
  await asked;
  await expect(
    page.getByRole('status').filter({ hasText: 'Loading a draft in this browser…' }),
  ).toBeVisible();
  await app.cancelLoadButton.click();
  await expect(app.loadCancelled).toContainText(
    'You stopped loading a draft in this browser. Nothing of it was opened.',
  );
  const arrived = page.waitForResponse(chunk);
  release();
  await arrived;
  // The checks' code arriving after Cancel opens nothing. Nothing on the page marks the moment their late answer is
  // applied, which takes a few milliseconds for this one-event draft: a second is many times that.
  await page.waitForTimeout(1000);
  await expect(app.loadCancelled).toBeVisible();
  await expect(app.chart).toBeHidden();
  await expect(app.heading).not.toHaveText('Lost laptop');
  await expect(page.getByRole('link', { name: 'Load it again' })).toBeVisible();
  // Edit, asked for after that, opens it.
  await app.button('Edit').click();
  await expect(app.field('Incident title')).toHaveValue('Lost laptop');
  await app.waitForReady();
  await expect(app.heading).toHaveText('Lost laptop');
});

test('what is not a link among a stored draft’s links is named in the event’s form, and Problems leads to the button that takes it off', async ({
  app,
  page,
}) => {
  const id = await app.draftWithOneEvent();
  await app.setDraftEvent(id, { related: [null, 7] });
  await page.goto(`./?draft=${id}&mode=edit`);
  const linkProblems = app.draftProblems
    .getByRole('listitem')
    .filter({ hasText: 'events[0].related' });
  await expect(linkProblems).not.toHaveCount(0);
  await linkProblems.first().getByRole('link').click();
  const remove = app.button('Remove what is not a link');
  await expect(remove).toBeFocused();
  await expect(
    page.getByText('This event holds 2 items among its links that are not links (see Problems).'),
  ).toBeVisible();
  await remove.click();
  await expect(linkProblems).toHaveCount(0);
  await expect(remove).toHaveCount(0);
  await expect(app.draftStatus).toHaveText('Saved');
  await page.reload();
  await expect(app.draftProblems).toBeVisible();
  await expect(linkProblems).toHaveCount(0);
});
