import { bundled, expect, test } from './fixtures';

test('loads the bundled incident and, after Fit all, draws every event once', async ({ app }) => {
  // One lane: vis-timeline renders only the lanes scrolled into view, so this puts every item in the DOM.
  await app.goto('?group=none');
  await expect(app.heading).toContainText('Cloudflare');
  await expect(app.utcNote).toHaveText('All times UTC');
  await app.fitAllButton.click();
  await expect.poll(() => app.drawnEventIds()).toEqual(bundled.events.map((e) => e.id).sort());
  expect(await app.readyMarks()).toBe(1);
  await expect(app.axisLabels.first()).toBeVisible();
});
