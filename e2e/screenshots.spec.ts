import { test } from './fixtures';

// Regenerates the README screenshots: `npm run screenshot`.
test.use({ viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1 });

for (const theme of ['light', 'dark'] as const) {
  test(`README screenshot, ${theme}`, async ({ app }) => {
    await app.goto(`?event=sliver-installed&theme=${theme}&compress=1`);
    await app.page.screenshot({ path: `docs/screenshot-${theme}.png` });
  });
}
