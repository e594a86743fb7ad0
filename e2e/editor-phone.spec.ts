import { expect, test } from './fixtures';

test.use({ viewport: { width: 390, height: 844 } });

const FILLED = {
  Title: 'Alert fired',
  'Start (UTC)': '2024-03-05 09:00',
  Description: 'The SIEM alerted.',
  'Where in the source': 'Shift log',
};

test('on a phone, edit mode fits the width: the bar wraps and the form follows the chart', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  await app.goto();
  await app.button('New incident').click();
  await app.button('Add event').click();
  await app.fillEvent(FILLED);
  await app.button('Add event').click();
  await expect.poll(() => app.drawnEventIds()).toEqual(['alert-fired']);

  const width = await page.evaluate(() => document.documentElement.clientWidth);
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(
    width,
  );
  // Every button of the editor's bar is on screen, on as many rows as it takes.
  const bar = page.getByRole('region', { name: 'Editing' }).getByRole('button');
  const boxes = await bar.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  expect(boxes.length).toBeGreaterThanOrEqual(5);
  for (const b of boxes as DOMRect[]) expect(b.right).toBeLessThanOrEqual(width);
  expect(new Set(boxes.map((b: DOMRect) => Math.round(b.top))).size).toBeGreaterThan(1);

  const chart = (await app.chart.boundingBox())!;
  const form = (await app.field('Title').boundingBox())!;
  expect(form.y).toBeGreaterThan(chart.y + chart.height);
  expect(form.x + form.width).toBeLessThanOrEqual(width);
  const remove = (await app.button('Delete event').boundingBox())!;
  expect(remove.x + remove.width).toBeLessThanOrEqual(width);
});

test('on a phone, the lists editor fits the width: no field, button or hint is cut at the right', async ({
  app,
}) => {
  test.setTimeout(90_000);
  await app.goto();
  await app.button('Edit').click();
  await expect(app.draftStatus).toHaveText('Saved');
  await app.openTaxonomy();
  const lists = app.taxonomyLists;
  expect(await lists.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
  // Every control and text in the box ends inside it: the box's own scrollbar would hide the rest.
  const overflowing = await lists.evaluate((box) => {
    const right = box.getBoundingClientRect().right;
    return [...box.querySelectorAll('input, select, button, p, label, code')]
      .filter((el) => el.getBoundingClientRect().right > right + 0.5)
      .map((el) => el.textContent || el.id);
  });
  expect(overflowing).toEqual([]);
  await app.button('Add language').scrollIntoViewIfNeeded();
  await expect(app.button('Add language')).toBeInViewport({ ratio: 1 });
});
