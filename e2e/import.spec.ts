import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { bundled, expect, test } from './fixtures';
import type { TimelinePage } from './timeline-page';

const fixture = (name: string) =>
  new URL(`../data/fixtures/import/${name}`, import.meta.url).pathname;
const csv = (name: string, text: string) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(text),
});

async function axeViolations(app: TimelinePage) {
  const results = await new AxeBuilder({ page: app.page })
    .include('dialog[open]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target) }));
}

test.describe("importing a responder's spreadsheet", () => {
  // axe and the exports take a while on a shared machine.
  test.slow();
  test('reads its times as UTC, its actors as chosen, its hosts as systems; its columns are searched and exported', async ({
    app,
  }) => {
    await app.goto();
    await app.openFile(fixture('responder-spreadsheet.csv'));
    const dialog = app.mappingDialog;
    await expect(dialog.getByRole('combobox', { name: /^Time \*/ })).toHaveValue('Timestamp (UTC)');
    await expect(dialog.getByRole('combobox', { name: /^Time zone/ })).toHaveValue('UTC');
    await expect(app.importPreviewRows.first()).toContainText('2024-03-04 08:12:33');
    await expect(app.importPreviewRows.first()).toContainText('second');
    // Row 6 is the IR Team's; its side is shown as guessed, and follows the choice.
    await expect(app.importPreviewRows.nth(4)).toContainText('Defender');
    for (const actor of ['IR Team', 'IT Helpdesk', 'Legal'])
      await app.sideOf(actor).selectOption('Defender');
    await app.sideOf('Forensics vendor').selectOption('Third party');
    expect(await axeViolations(app)).toEqual([]);
    await dialog.getByRole('button', { name: 'Open' }).click();

    await expect(app.summary).toHaveText('25 of 25 events');
    await app.search.fill('WS-FIN-022 isolated');
    await expect(app.summary).toHaveText('1 of 25 events');
    await app.listRows.first().click();
    await expect(app.detailsWhen).toHaveText('2024-03-04 11:15:00 UTC');
    await expect(app.details).toContainText('IR Team');
    await expect(app.details).not.toContainText('Adversary');

    await app.search.fill('Lateral movement');
    await app.listRows.first().click();
    for (const host of ['WS-FIN-022', 'WS-FIN-031', 'WS-HR-004'])
      await expect(
        app.details.getByRole('button', { name: `Show only ${host}`, exact: true }),
      ).toHaveCount(1);

    // An imported column's value is found by search, and carried into the exports.
    await app.search.fill('chain of custody');
    await expect(app.summary).toHaveText('1 of 25 events');
    await app.listRows.first().click();
    await expect(app.importedFields.getByRole('term')).toHaveText(['Source']);
    // The column is the only "Source" in the panel: the row it was read from is under another heading.
    await expect(app.details.getByText('Source', { exact: true })).toHaveCount(1);
    await expect(app.details.getByRole('heading', { name: 'Cited from' })).toBeVisible();
    const exported = await app.exportNamed('Spreadsheet (CSV)');
    expect(exported.split('\r\n')[0]).toMatch(/,Source$/);
    expect(exported).toContain('Chain of custody form');
    const markdown = await app.exportNamed('Markdown table');
    expect(markdown).toContain('| Source |');
    expect(markdown).toContain('Chain of custody form');
  });

  test('a failed attempt keeps the mapping, and the next file with the same header is offered it', async ({
    app,
  }) => {
    await app.goto();
    const text =
      'When,What,Where\n2024-03-04 08:12,Beacon seen,WS1\n2024-03-04 09:30,Host isolated,WS1\n';
    await app.openFile(csv('first.csv', text));
    const dialog = app.mappingDialog;
    await dialog.getByRole('combobox', { name: /^Time \*/ }).selectOption('When');
    await dialog.getByRole('combobox', { name: /^Title/ }).selectOption('What');
    await expect(app.importPreviewRows.first()).toContainText('has no zone');
    await dialog.getByRole('button', { name: 'Open' }).click();

    // Both rows fail the same way: one message for both, and the dialog stays with the choices made.
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText('first.csv: 2 rows, column When');
    await expect(alert).toContainText('e.g. row 2');
    await expect(dialog.getByRole('combobox', { name: /^Title/ })).toHaveValue('What');
    // The step with its problems and a preview of failing rows is as accessible as the first one.
    expect(await axeViolations(app)).toEqual([]);
    await dialog.getByRole('combobox', { name: /^Time zone/ }).fill('Asia/Taipei');
    await expect(app.importPreviewRows.first()).toContainText('2024-03-04 00:12');
    await dialog.getByRole('button', { name: 'Open' }).click();
    await expect(app.summary).toHaveText('2 of 2 events');
    await app.listRows.first().click();
    await expect(app.detailsWhen).toHaveText('2024-03-04 00:12 UTC');

    await app.openFile(csv('second.csv', text.replace('Beacon seen', 'Beacon again')));
    await expect(dialog.getByRole('combobox', { name: /^Title/ })).toHaveValue('What');
    await expect(dialog.getByRole('combobox', { name: /^Time zone/ })).toHaveValue('Asia/Taipei');
  });

  test('the whole import works by keyboard', async ({ app, page }) => {
    await app.goto();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open file…' }).focus();
    await page.keyboard.press('Enter');
    await (await chooser).setFiles(fixture('responder-spreadsheet.csv'));
    await expect(app.mappingDialog).toBeVisible();
    const focusedName = () =>
      page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    for (let i = 0; i < 80 && (await focusedName()) !== 'Side of Forensics vendor'; i++)
      await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await expect(app.sideOf('Forensics vendor')).toHaveValue('third-party');
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    for (let i = 0; i < 20 && (await focusedText()) !== 'Open'; i++)
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(app.summary).toHaveText('25 of 25 events');
  });
});

test.describe('forensic timelines, without a mapping step', () => {
  for (const [name, first, last] of [
    ['plaso-l2tcsv.csv', '2024-03-04 08:15:02 UTC', '2024-03-05 11:52:42 UTC'],
    ['plaso-dynamic.csv', '2024-03-04 08:15:02 UTC', '2024-03-05 11:52:42 UTC'],
  ])
    test(`${name} opens with its times in UTC`, async ({ app }) => {
      await app.goto();
      await app.openFile(fixture(name));
      await expect(app.summary).toHaveText('30 of 30 events');
      await expect(app.mappingDialog).toBeHidden();
      await app.listRows.first().click();
      await expect(app.detailsWhen).toHaveText(first);
      await app.search.fill('whoami');
      await expect(app.summary).toHaveText('1 of 30 events');
      await app.listRows.first().click();
      await expect(app.detailsWhen).toHaveText(last);
    });

  test('rows sharing a time and host become one event when the user asks, and apart again', async ({
    app,
  }) => {
    await app.goto();
    await expect(app.groupForensicRows).toHaveCount(0);
    const [header, ...rows] = readFileSync(fixture('plaso-l2tcsv.csv'), 'utf8').split('\n');
    // Plaso writes one row per timestamp kind: the same second on the same host, twice.
    const twice = rows[0]!.replace('.A..', 'M...').replace('Creation Time', 'Modification Time');
    await app.openFile(csv('l2t.csv', [header, rows[0], twice, rows[1]].join('\n')));
    await expect(app.summary).toHaveText('3 of 3 events');
    await app.groupForensicRows.check();
    await expect(app.groupForensicRows).toBeChecked();
    await expect(app.summary).toHaveText('2 of 2 events');
    await expect(app.listRows.first()).toContainText('(+1)');
    await app.groupForensicRows.uncheck();
    await expect(app.summary).toHaveText('3 of 3 events');
    // Regrouping rewrites the draft the file became, as a change Undo takes back, not a second draft.
    await app.button('Open…').click();
    await expect(app.draftsDialog.getByRole('listitem')).toHaveCount(1);
    await app.page.keyboard.press('Escape');
    await app.groupForensicRows.check();
    await expect(app.summary).toHaveText('2 of 2 events');
    await app.button('Edit').click();
    await app.button('Undo').click();
    await app.button('Done editing').click();
    await expect(app.summary).toHaveText('3 of 3 events');
    await app.openFile(fixture('responder-spreadsheet.csv'));
    await app.mappingDialog.getByRole('button', { name: 'Open' }).click();
    await expect(app.groupForensicRows).toHaveCount(0);
  });
});

test.describe('bad input leaves the open incident open', () => {
  const cases: [string, string, RegExp][] = [
    ['empty.csv', '', /empty/],
    ['header-only.csv', 'Time,Event\n', /no events/],
    ['ragged.csv', 'Time,Event\n2024-03-04T08:00Z,a,extra\n', /row 2.*3 cells/],
    ['mixed.csv', 'Time,Event\n2024-03-04,a\n03/05/2024,b\n', /column Time.*mixes time formats/],
    [
      'ancient.csv',
      'Time,Event\n1969-07-20T20:17Z,a\n',
      /row 2, column Time.*between 1970 and 2100/,
    ],
  ];
  for (const [name, text, message] of cases)
    test(name, async ({ app }) => {
      await app.goto();
      await app.openFile(csv(name, text));
      const dialog = app.mappingDialog.or(app.importProblems);
      await expect(dialog).toBeVisible();
      if (await app.mappingDialog.isVisible()) {
        await app.mappingDialog.getByRole('combobox', { name: /^Title/ }).selectOption('Event');
        const order = app.mappingDialog.getByRole('combobox', { name: /^Dates such as/ });
        if (await order.isVisible()) await order.selectOption('mdy');
        await app.mappingDialog.getByRole('button', { name: 'Open' }).click();
        await expect(app.mappingDialog.getByRole('alert')).toContainText(message);
        await app.mappingDialog.getByRole('button', { name: 'Cancel' }).click();
      } else {
        await expect(app.importProblems).toContainText(message);
        await app.importProblems.getByRole('button', { name: 'Close' }).click();
      }
      await expect(app.summary).toHaveText(
        `${bundled.events.length} of ${bundled.events.length} events`,
      );
    });
});

test('a file that is neither CSV nor JSON is named as such', async ({ app }) => {
  await app.goto();
  await app.openFile({
    name: 'photo.png',
    mimeType: 'image/png',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00]),
  });
  await expect(app.importProblems).toContainText('not valid UTF-8 text; expected JSON or CSV');
  await app.importProblems.getByRole('button', { name: 'Close' }).click();
  await expect(app.summary).toHaveText(
    `${bundled.events.length} of ${bundled.events.length} events`,
  );
});
