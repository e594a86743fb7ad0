import { bundled, expect, test } from './fixtures';

test('loads the bundled incident and draws every event once', async ({ app }) => {
  await app.goto();
  await expect(app.heading).toContainText('Cloudflare');
  await expect(app.page.getByText('All times UTC')).toBeVisible();
  expect(await app.drawnEventIds()).toEqual(bundled.events.map((e) => e.id).sort());
  expect(await app.readyMarks()).toBe(1);
  await expect(app.axisLabels.first()).toBeVisible();
});
