import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

// Every text field of this valid incident carries markup, script URLs or CSS; all of it must stay text.
const hostile = JSON.parse(
  readFileSync(new URL('../data/fixtures/hostile.json', import.meta.url), 'utf8'),
) as {
  events: { id: string; title: { en: string; 'zh-Hant': string } }[];
};
const PAYLOADS = hostile.events.map((e) => e.title.en);

test('hostile text is shown as text and never runs, loads or restyles anything', async ({
  app,
  page,
}) => {
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const foreign: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(`${origin}/`)) foreign.push(r.url());
  });
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });

  await app.goto('?src=data/fixtures/hostile.json&lang=en');
  expect(PAYLOADS).toContain('<img src=x onerror=window.__pwned=1>');
  const grid = page.getByRole('grid');
  for (const payload of PAYLOADS)
    await expect(grid.getByText(payload, { exact: true }).first()).toBeVisible();

  for (const e of hostile.events) {
    // Tooltip from the chart item, then the details panel from the list.
    await app.hoverItem(e.id);
    await expect(app.tooltip).toContainText(e.title.en);
    await grid.locator(`[data-event="${e.id}"]`).click();
    await expect(
      page.getByRole('heading', { level: 2, name: e.title.en, exact: true }),
    ).toBeVisible();
  }
  await expect(
    page.getByText('<script>window.__pwned=1</script>', { exact: true }).first(),
  ).toBeVisible();

  await page.getByLabel('Language').selectOption('zh-Hant');
  await expect(
    grid.getByText(hostile.events[0]!.title['zh-Hant'], { exact: true }).first(),
  ).toBeVisible();
  await grid.locator('[data-event="event-2"]').click();
  await app.hoverItem('event-5');
  await expect(app.tooltip).toBeVisible();
  await page.getByLabel('語言').selectOption('en');

  const dom = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    scriptUrls: [
      ...document.querySelectorAll('[href], [src], [action], [formaction], [xlink\\:href]'),
    ]
      .flatMap((el) =>
        ['href', 'src', 'action', 'formaction', 'xlink:href'].map((a) => el.getAttribute(a) ?? ''),
      )
      .filter((v) => /^\s*(javascript|data|vbscript):/i.test(v)),
    injected: document.querySelectorAll(
      '#root iframe, #root script, #root svg[onload], #root img, #root style, #root [onerror], #root [onload]',
    ).length,
    bodyDisplay: getComputedStyle(document.body).display,
  }));
  expect(dom).toEqual({ pwned: undefined, scriptUrls: [], injected: 0, bodyDisplay: 'block' });
  expect(dialogs).toEqual([]);
  expect(foreign).toEqual([]);
});
