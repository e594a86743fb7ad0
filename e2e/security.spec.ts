import type { Page } from '@playwright/test';
import { generateIncident } from '../bench/generate';
import { expect, test } from './fixtures';

// Collects every CSP violation the page reports, from before the app's first script runs.
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return () =>
    page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

test('the built page carries a strict Content Security Policy', async ({ app }) => {
  await app.goto();
  const policy = await app.page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("style-src 'self'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'none'");
  expect(policy).toContain("connect-src 'self'");
  expect(policy).toContain("img-src 'self' data: blob:");
  expect(policy).not.toContain('unsafe');
});

test('normal use causes no CSP violation', async ({ app, page }) => {
  const violations = await recordViolations(page);
  await app.goto();
  await app.hoverItem('sliver-installed');
  await expect(app.tooltip).toBeVisible();
  await page.getByRole('grid').getByRole('row').nth(3).click();
  await expect(page.getByRole('heading', { level: 2 }).last()).toBeVisible();
  await page.getByRole('searchbox').fill('Sliver');
  await page.locator('[data-facet="outcome"]').getByRole('checkbox').first().check();
  await page.getByRole('combobox', { name: 'Lanes' }).selectOption('actor');
  await page.getByLabel('Language').selectOption('zh-Hant');
  await page.getByLabel('主題').selectOption('dark');
  await page.getByLabel('主題').selectOption('light');
  await page.getByRole('button', { name: '放大' }).click();
  await page.waitForTimeout(500);
  expect(await violations()).toEqual([]);
});

test('the violation listener works: a remote image is blocked and reported', async ({
  app,
  page,
  consoleErrors,
}) => {
  const violations = await recordViolations(page);
  await app.goto();
  await page.evaluate(() =>
    document.body.append(
      Object.assign(document.createElement('img'), { src: 'http://127.0.0.1:9/probe.png' }),
    ),
  );
  await expect
    .poll(violations)
    .toEqual([expect.stringMatching(/^img-src http:\/\/127\.0\.0\.1:9\/probe\.png/)]);
  // Chromium logs the refusal too; that is this test's point, not a failure.
  consoleErrors.splice(
    0,
    consoleErrors.length,
    ...consoleErrors.filter((e) => !/Content Security Policy/.test(e)),
  );
});

for (const [src, rule] of [
  [
    'javascript:window.__pwned=1',
    'only relative, http: and https: URLs may be loaded, not javascript: URLs',
  ],
  [
    'data:application/json,{}',
    'only relative, http: and https: URLs may be loaded, not data: URLs',
  ],
  ['https://evil.example.net/incident.json', 'https://evil.example.net is another origin'],
  ['//evil.example.net/incident.json', 'is another origin'],
] as const) {
  test(`refuses src=${src} before fetching it`, async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`./?src=${encodeURIComponent(src)}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The incident could not be opened');
    await expect(alert).toContainText(`Refused to load ${JSON.stringify(src)}`);
    await expect(alert).toContainText(rule);
    await expect(page.getByRole('link', { name: 'Open the bundled incident' })).toBeVisible();
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
    ).toBeUndefined();
    expect(requests.filter((u) => !u.startsWith(new URL(page.url()).origin))).toEqual([]);
  });
}

test('a local: link whose file is not open shows a fixed message, never the text of the link', async ({
  app,
  page,
}) => {
  const text = 'Your account is locked, call +1 555 0100';
  await page.goto(`./?src=${encodeURIComponent(`local:${text}`)}`);
  await expect(app.loadError).toContainText(
    'This incident was opened from a file on this computer and is no longer in memory; open the file again.',
  );
  await expect(app.source).toContainText('a file opened from this computer, no longer open');
  expect(await page.evaluate(() => document.body.innerText)).not.toContain('555 0100');
});

test('a src that redirects is refused, and the redirect is not followed', async ({ app, page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.route('**/data/moved.json', (route) =>
    route.fulfill({
      status: 302,
      headers: { location: '/data/cloudflare-thanksgiving-2023.json' },
    }),
  );
  await page.goto('./?src=data/moved.json');
  await expect(app.loadError).toContainText(
    'Refused to load "data/moved.json": the server redirects it to another address, and redirects are not followed',
  );
  expect(requests.filter((u) => u.endsWith('/data/cloudflare-thanksgiving-2023.json'))).toEqual([]);
});

test.describe('the parse worker under a CSP header without unsafe-eval', () => {
  const large = JSON.stringify(generateIncident(8_000, 1));
  test.beforeEach(async ({ page }) => {
    await page.route('**/generated/large.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: large }),
    );
  });

  test('parses a file over 2 MiB without ever evaluating a string', async ({ app }) => {
    expect(large.length).toBeGreaterThan(2 * 1024 * 1024);
    const worker = await app.recordWorkerCspViolations();
    await app.goto('?src=generated/large.json');
    await expect(app.heading).toContainText('Synthetic incident');
    expect(worker.served()).toBe(1);
    expect(await worker.violations()).toEqual([]);
  });

  test("the worker's violation relay works: an eval of its own is reported", async ({
    app,
    consoleErrors,
  }) => {
    const worker = await app.recordWorkerCspViolations({ probe: true });
    await app.goto('?src=generated/large.json');
    await expect.poll(worker.violations).toEqual([expect.stringMatching(/^script-src eval/)]);
    // Chromium logs the refusal too; that is this test's point, not a failure.
    consoleErrors.splice(
      0,
      consoleErrors.length,
      ...consoleErrors.filter((e) => !/Content Security Policy/.test(e)),
    );
  });
});
