import { bundled, expect, test } from './fixtures';

const file = 'data/fixtures/warnings.json';

test('a file with likely mistakes loads, with a notice naming each field', async ({ app }) => {
  await app.goto(`?src=${file}`);
  await expect(app.heading).toHaveText('Containment flagged too early');
  await expect(app.listRows).toHaveCount(3);
  const items = app.dataWarnings.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText(
    `${file}: events[id=address-blocked].milestones[0]: the containment milestone (2024-03-01 21:31 UTC) comes before the last adversary activity`,
  );
  await expect(items.nth(1)).toContainText(
    `${file}: events[id=address-blocked].description: shows the indicator "203.0.113.7"`,
  );
  await expect(items.nth(1)).toContainText('as "203.0.113[.]7"');
  await app.dataWarnings.getByRole('button', { name: 'Dismiss' }).click();
  await expect(app.dataWarnings).toHaveCount(0);
  await expect(app.listRows).toHaveCount(3);
});

test('the bundled incident loads without warnings', async ({ app }) => {
  await app.goto();
  const n = bundled.events.length;
  await expect(app.summary).toHaveText(`${n} of ${n} events`);
  await expect(app.dataWarnings).toHaveCount(0);
});

test('technique names say they are in English when the page is not', async ({ app }) => {
  await app.goto('?event=sliver-installed');
  await expect(app.detailsTechniques.first()).toHaveText(/^T\d{4}(\.\d{3})? [A-Z][^(]+$/);
  await app.languageSelect.selectOption('zh-Hant');
  await expect(app.detailsTechniques.first()).toHaveText(/^T\d{4}(\.\d{3})? [A-Z].+\(英文\)$/);
  const count = await app.detailsTechniques.count();
  expect(count).toBeGreaterThan(1);
  for (let i = 0; i < count; i++)
    await expect(app.detailsTechniques.nth(i)).toContainText('(英文)');
});
