import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// zod's core names every schema type "$ZodType"; its presence in a script means zod came with it.
const ZOD = '$ZodType';

/** The paths of the scripts the page has received so far that hold zod. */
function scriptsWithZod(page: Page): () => Promise<string[]> {
  const bodies: Promise<[string, string]>[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script')
      bodies.push(r.text().then((text) => [new URL(r.url()).pathname, text]));
  });
  return async () =>
    (await Promise.all(bodies)).filter(([, text]) => text.includes(ZOD)).map(([path]) => path);
}

test('the page starts without zod: a refused link is explained before any schema arrives', async ({
  app,
  page,
}) => {
  const withZod = scriptsWithZod(page);
  await page.goto(`./?src=${encodeURIComponent('javascript:alert(1)')}`);
  await expect(app.loadError).toContainText('The incident could not be opened');
  await expect(page.getByRole('link', { name: 'Open the bundled incident' })).toBeVisible();
  expect(await withZod()).toEqual([]);
});

test('the schemas arrive with the first incident, and the link notice still names a malformed parameter', async ({
  app,
  page,
}) => {
  const withZod = scriptsWithZod(page);
  await app.goto('?group=sideways');
  await expect(app.chart).toBeVisible();
  await expect(app.notice).toContainText('group (malformed)');
  expect(await withZod()).not.toEqual([]);
});
