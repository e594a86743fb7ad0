import { generateIncident } from '../bench/generate';
import { test } from './fixtures';

// Regenerates the README screenshots: `npm run screenshot`.
test.use({ viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1 });

for (const theme of ['light', 'dark'] as const) {
  test(`README screenshot, ${theme}`, async ({ app }) => {
    await app.goto(`?event=sliver-installed&theme=${theme}`);
    await app.page.screenshot({ path: `docs/screenshot-${theme}.png` });
  });
}

test.describe('present mode', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });
  test('README screenshot, present mode on a projector', async ({ app }) => {
    await app.gotoPresent('event=soc-investigation&theme=light');
    await app.page.waitForTimeout(500); // the chart's move to the step
    await app.page.screenshot({ path: 'docs/screenshot-present.png' });
  });
});

test('README screenshot, 20,000 generated events drawn as per-lane counts', async ({ app }) => {
  const json = JSON.stringify(generateIncident(20_000, 1));
  await app.page.route('**/generated/scale-20000.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: json }),
  );
  await app.goto('?src=generated/scale-20000.json&theme=light');
  await app.page.screenshot({ path: 'docs/screenshot-scale.png' });
});

test('README screenshot, the import step with its preview', async ({ app }) => {
  await app.goto('?theme=light');
  await app.openFile(
    new URL('../data/fixtures/import/responder-spreadsheet.csv', import.meta.url).pathname,
  );
  await app.importPreviewRows.first().waitFor();
  await app.mappingDialog.screenshot({ path: 'docs/screenshot-import.png' });
});

test('README screenshot, the path traced through Sliver’s installation, with links', async ({
  app,
}) => {
  await app.goto(
    '?event=sliver-installed&links=1&path=1&from=2023-11-13T00:00:00Z&to=2023-11-26T00:00:00Z&theme=light',
  );
  await app.page.waitForTimeout(300); // the last redraw of the arrows
  await app.page.screenshot({ path: 'docs/screenshot-path.png', fullPage: true });
});
