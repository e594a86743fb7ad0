import type { Page, Response } from '@playwright/test';
import { expect, test } from './fixtures';

// zod's core names every schema type "$ZodType"; its presence in a script means zod came with it.
const ZOD = '$ZodType';

/** The paths of the scripts the page has received so far that hold zod. */
function scriptsWithZod(page: Page): () => Promise<string[]> {
  const bodies: Promise<[string, string]>[] = [];
  const read = (r: Response) => {
    if (r.request().resourceType() === 'script')
      bodies.push(r.text().then((text) => [new URL(r.url()).pathname, text]));
  };
  page.on('response', read);
  // Scripts that come later are not read: a body still on its way when the test ends fails the test.
  return async () => {
    page.off('response', read);
    return (await Promise.all(bodies))
      .filter(([, text]) => text.includes(ZOD))
      .map(([path]) => path);
  };
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
