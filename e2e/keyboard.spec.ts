import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Presses Tab (or Shift+Tab) until the focused element matches, checking every stop shows a focus ring. */
async function tabTo(page: Page, selector: string, { back = false, max = 120 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    await expectFocusRing(page);
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function expectFocusRing(page: Page) {
  const ring = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { visible: true, what: 'body' };
    const style = getComputedStyle(el);
    const what = `${el.tagName.toLowerCase()}${el.className ? `.${el.className}` : ''}`;
    return {
      visible:
        el.matches(':focus-visible') &&
        style.outlineStyle !== 'none' &&
        parseFloat(style.outlineWidth) >= 2,
      what,
    };
  });
  expect(ring, `focus ring on ${ring.what}`).toMatchObject({ visible: true });
}

const focused = (page: Page) =>
  page.evaluate(
    () =>
      document.activeElement?.getAttribute('aria-label') ??
      document.activeElement?.textContent ??
      '',
  );

test('keyboard only: search, filter, walk the list, open details, use a chip, change lanes', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  await app.goto('?lang=en');
  await expect(app.chart).toHaveAttribute('aria-label', /event list holds the same events/);

  await tabTo(page, 'input[type="search"]');
  await page.keyboard.type('Atlassian');
  await expect(page).toHaveURL(/q=Atlassian/);

  // The first facet checkbox that still has matching events.
  await tabTo(page, '.facet-option:not(.facet-empty) input[type="checkbox"]');
  await page.keyboard.press('Space');
  await expect(page.locator('.facet-option input:focus')).toBeChecked();

  const grid = page.getByRole('grid');
  expect(await grid.getByRole('row').count()).toBeGreaterThan(2);
  await tabTo(page, '[role="grid"]');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const second = grid.getByRole('row').nth(2);
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await expect(grid).toHaveAttribute('aria-activedescendant', (await second.getAttribute('id'))!);
  await page.keyboard.press('Escape');
  await expect(grid).not.toHaveAttribute('aria-activedescendant');
  await page.keyboard.press('ArrowDown');
  const title = (await grid.getByRole('row').nth(1).getByRole('gridcell').nth(1).textContent())!;

  // Enter moves on to the details; the chips there filter by keyboard.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeFocused();
  await expectFocusRing(page);
  await tabTo(page, '.chip');
  expect(await focused(page)).toMatch(/^Show only /);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/outcome=/);

  await tabTo(page, 'select:has(option[value="actor"])', { back: true });
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/group=actor/);
});

test.describe('with more lanes than fit', () => {
  test.use({ viewport: { width: 1280, height: 600 } });
  test('the lane column is a named tab stop, and the arrow keys scroll the lanes and their items', async ({
    app,
    page,
  }) => {
    // Tabbing past every filter to reach the chart, checking each focus ring, takes a while on a busy machine.
    test.slow();
    await app.goto('?lang=en&group=system');
    const column = app.laneColumn;
    const overflow = await column.evaluate((el) => el.scrollHeight - el.clientHeight);
    expect(overflow).toBeGreaterThan(0);
    const top = async () => ({
      label: (await app.laneLabels.first().boundingBox())!.y,
      row: (await app.laneRows.first().boundingBox())!.y,
    });
    const before = await top();

    await tabTo(page, '.vis-panel.vis-left');
    await expect(column).toBeFocused();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => column.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    await expect.poll(async () => (await top()).label).toBeLessThan(before.label - 10);
    // The items scroll with their lanes: the first lane's row moved as far as its label.
    const after = await top();
    expect(after.row - before.row).toBeCloseTo(after.label - before.label, 0);
    await page.keyboard.press('Home');
    await expect.poll(() => column.evaluate((el) => el.scrollTop)).toBe(0);
  });

  test('End in the lane column shows the last lanes at once, though their items grow once drawn', async ({
    app,
    page,
  }) => {
    await app.goto('?lang=en&group=system');
    await app.laneColumn.focus();
    await page.keyboard.press('End');
    // Settled: the column at its end, and no redraw left that moves it.
    await expect
      .poll(() => app.laneColumn.evaluate((el) => el.scrollHeight - el.clientHeight - el.scrollTop))
      .toBeLessThanOrEqual(1);
    await page.waitForTimeout(500);
    expect(
      await app.laneColumn.evaluate((el) => el.scrollHeight - el.clientHeight - el.scrollTop),
    ).toBeLessThanOrEqual(1);
  });
});

test('reduced motion: zooming jumps straight to the new window', async ({ app, page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await app.goto('?lang=en');
  expect(await app.zoomInMotion()).toEqual({ moved: true, glided: false });
});

test('without reduced motion the same zoom animates (so the test above can fail)', async ({
  app,
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await app.goto('?lang=en');
  expect((await app.zoomInMotion()).glided).toBe(true);
});
