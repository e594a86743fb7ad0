import { test } from './fixtures';

// Regenerates the README screenshots: `npm run screenshot`.
test.use({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });

test('README screenshot, light', async ({ app }) => {
  await app.goto();
  await app.page.screenshot({ path: 'docs/screenshot-light.png' });
});
