import { expect, test } from './fixtures';
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
