// The PNG export of the chart: the image shows what the screen shows.
import { testChromiumLaunch } from './chromium';
import { expect, test } from './fixtures';

// Many lanes in a short chart, whose lane-name column scrolls, in a browser whose scrollbars take room as on most
// desktops (headless Chromium hides them unless told not to).
test.use({ launchOptions: { ...testChromiumLaunch, ignoreDefaultArgs: ['--hide-scrollbars'] } });

test.describe('PNG of a chart whose lanes scroll', () => {
  test.beforeEach(async ({ app }) => {
    await app.page.setViewportSize({ width: 1280, height: 600 });
    await app.goto('?group=system');
  });

  test('the PNG draws no scrollbar over the lane names', async ({ app }) => {
    const column = await app.laneColumnInCapture();
    const { body } = await app.exportAs('png');
    // The lane names start past their padding: the column's first pixels hold only lane borders, never a scrollbar.
    const strip = { x: column.x + 2, y: column.y, width: 2, height: column.height };
    expect(await app.inkRows(body, strip)).toBeLessThan(0.1);
  });

  test('the PNG shows the lane names the screen shows when the lanes are scrolled', async ({
    app,
  }) => {
    await app.laneColumn.evaluate((column) => (column.scrollTop = 200));
    await expect.poll(() => app.laneColumn.evaluate((column) => column.scrollTop)).toBe(200);
    const shown = await app.laneBordersShown();
    expect(shown.length).toBeGreaterThan(2);
    const { body } = await app.exportAs('png');
    // The column's first pixels hold only the lanes' borders (the names start past their padding).
    const drawn = await app.laneBordersInPng(body, 2);
    expect(drawn).toHaveLength(shown.length);
    drawn.forEach((y, i) => expect(Math.abs(y - shown[i]!)).toBeLessThanOrEqual(1));
    expect(await app.laneColumn.evaluate((c) => c.scrollTop)).toBe(200);
  });

  test('the PNG opens no strip between the lane names and the chart where a scrollbar was', async ({
    app,
  }) => {
    const shown = await app.laneBordersShown();
    expect(shown.length).toBeGreaterThan(2);
    const width = (await app.laneColumnInCapture()).width;
    const { body } = await app.exportAs('png');
    // The lanes' borders run on to the chart through the room the scrollbar took on screen.
    const drawn = await app.laneBordersInPng(body, width - 6);
    expect(drawn).toHaveLength(shown.length);
  });
});
