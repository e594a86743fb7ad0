import { expect, test } from './fixtures';

// The first view loads none of the screens it does not show; each arrives when it is opened, and works.
const ON_DEMAND = /\/assets\/(edit-screen|present-screen|embed-screen|mapping-dialog)-[^/]*\.js$/;

test('the first view fetches no editor, present, embed or mapping code; present mode fetches its own', async ({
  app,
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await app.goto();
  await expect(app.chart).toBeVisible();
  expect(scripts.filter((s) => ON_DEMAND.test(s))).toEqual([]);
  await app.gotoPresent();
  await expect(app.presentControls).toBeVisible();
  expect(scripts.filter((s) => ON_DEMAND.test(s))).toEqual([
    expect.stringMatching(/present-screen-/),
  ]);
});
