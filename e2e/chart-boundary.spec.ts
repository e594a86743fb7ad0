import { expect, test } from './fixtures';

test('when the chart cannot be drawn, the list and details still work and say why', async ({
  page,
  consoleErrors,
}) => {
  // Breaks one DOM call for vis-timeline alone: appending its root element throws, as an unsupported browser might.
  await page.addInitScript(() => {
    const append = Node.prototype.appendChild;
    Node.prototype.appendChild = function <T extends Node>(this: Node, child: T): T {
      if (child instanceof Element && child.classList.contains('vis-timeline'))
        throw new Error('simulated: no room for the chart');
      return append.call(this, child) as T;
    };
  });
  await page.goto('./?lang=en');
  await expect(page.getByRole('alert')).toHaveText(
    'The chart could not be drawn (simulated: no room for the chart). The event list and the details below still work.',
  );
  const rows = page.getByRole('grid').getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  const title = await rows.nth(2).getByRole('gridcell').nth(1).textContent();
  await rows.nth(2).click();
  await expect(page.getByRole('heading', { level: 2, name: title! })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Close' })).toBeVisible();
  // React reports the error it caught; every console error must be that one.
  expect(consoleErrors.length).toBeGreaterThan(0);
  expect(
    consoleErrors.filter(
      (e) => !/simulated: no room for the chart|The above error occurred/.test(e),
    ),
  ).toEqual([]);
  consoleErrors.splice(0);
});
