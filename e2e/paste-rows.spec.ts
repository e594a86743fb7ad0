import { expect, test } from './fixtures';

const FILLED = {
  Title: 'Alert fired',
  'Start (UTC)': '2024-03-05 09:00',
  Description: 'The SIEM alerted.',
  'Where in the source': 'Shift log',
};

// As a spreadsheet copies rows: tab-separated, one line each, the header first.
const ROWS = [
  'Time (UTC)\tTitle\tHost\tUser',
  '2024-03-05 10:00\tToken revoked\tOkta\tSOC analyst',
  '2024-03-05 08:30\tAlert fired\tOkta\tThreat actor',
  '2024-03-05 11:00\t<img src=x onerror=alert(1)>\tJira\tSOC analyst',
].join('\n');

const HOSTILE = '<img src=x onerror=alert(1)>';

test('rows pasted from a spreadsheet go through the mapping step and are added as one undoable change', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await app.goto();
  await app.button('New incident').click();
  await app.button('Add event').click();
  await app.fillEvent(FILLED);
  await expect.poll(() => app.drawnEventIds()).toEqual(['alert-fired']);

  // Pasted into a text field, rows are the field's text, not events.
  await app.field('Where in the source').focus();
  await app.pasteText(ROWS);
  await expect(app.mappingDialog).toBeHidden();

  await app.listRow('alert-fired').click();
  await app.pasteText(ROWS);
  await expect(app.mappingDialog).toBeVisible();
  await expect(app.mappingDialog).toContainText('3 pasted rows');
  await expect(app.importPreviewRows).toHaveCount(3);
  await expect(app.importPreviewRows.nth(2)).toContainText(HOSTILE);
  // Guessed from the header as for an opened file.
  await expect(app.mappingDialog.getByRole('combobox', { name: /^System/ })).toHaveValue('Host');
  await expect(app.mappingDialog.getByRole('combobox', { name: /^Actor/ })).toHaveValue('User');
  await app.mappingDialog.getByRole('button', { name: 'Add rows' }).click();
  await expect(app.mappingDialog).toBeHidden();

  // Ids from titles (a taken one gets "-2"); the draft's own event is as it was.
  await app.fitAllButton.click();
  await expect
    .poll(() => app.drawnEventIds())
    .toEqual(['alert-fired', 'alert-fired-2', 'img-src-x-onerror-alert-1', 'token-revoked']);
  await expect(page.getByRole('status').filter({ hasText: 'Added 3 events.' })).toBeAttached();
  expect((await app.query()).get('event')).toBe('alert-fired-2');
  await app.listRow('alert-fired').click();
  await expect(app.field('Start (UTC)')).toHaveValue('2024-03-05 09:00');
  await expect(app.field('Description')).toHaveValue('The SIEM alerted.');

  // The systems and actors the rows name are terms of the draft now: lanes, and choices in the form.
  await expect(app.laneLabels).toContainText(['Okta', 'Jira']);
  await app.listRow('token-revoked').click();
  await expect(app.field('Actor').locator('option:checked')).toHaveText('SOC analyst');
  await expect(app.field('Start (UTC)')).toHaveValue('2024-03-05 10:00');

  // Hostile text stays text on the chart, in the list and in the form.
  await expect(app.listRow('img-src-x-onerror-alert-1')).toContainText(HOSTILE);
  await expect(app.chartItem('img-src-x-onerror-alert-1').first()).toContainText(HOSTILE);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);

  // One change: one undo takes every row back, one redo brings them again.
  await app.button('Undo').click();
  await expect.poll(() => app.drawnEventIds()).toEqual(['alert-fired']);
  await expect(app.laneLabels).not.toContainText(['Okta']);
  await app.button('Redo').click();
  // The chart follows a change a moment later; Fit all fits what it shows.
  await expect(app.listRow('token-revoked')).toBeVisible();
  await app.fitAllButton.click();
  await expect
    .poll(() => app.drawnEventIds())
    .toEqual(['alert-fired', 'alert-fired-2', 'img-src-x-onerror-alert-1', 'token-revoked']);
  await expect(app.draftStatus).toHaveText('Saved');
});

test('a draft open read-only in another tab takes no pasted rows', async ({ app, context }) => {
  test.setTimeout(60_000);
  await app.goto();
  await app.button('New incident').click();
  await app.button('Add event').click();
  await app.fillEvent(FILLED);
  await expect(app.draftStatus).toHaveText('Saved');
  const { TimelinePage } = await import('./timeline-page');
  const second = new TimelinePage(await context.newPage());
  await second.page.goto(app.page.url());
  await expect(second.button('Add event')).toBeDisabled();
  await second.listRow('alert-fired').click();
  await second.pasteText(ROWS);
  await expect(second.mappingDialog).toBeHidden();
  await expect.poll(() => second.drawnEventIds()).toEqual(['alert-fired']);
});
