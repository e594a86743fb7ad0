import { expect, test } from './fixtures';

// The app's own problem messages follow the UI language, wherever the problem was found: the page or the worker.

test('the editor lists an unknown reference in Chinese, with its path as written', async ({
  app,
  page,
}) => {
  const id = await app.draftWithOneEvent();
  await app.setDraftEvent(id, { phase: 'recon' });
  await page.goto(`./?draft=${id}&mode=edit&lang=zh-Hant`);
  // A new event's empty citation is listed too, in zod's words (its own Chinese locale).
  const phase = app.draftProblems.getByRole('listitem').filter({ hasText: 'events[0].phase' });
  await expect(phase).toHaveText(
    'events[0].phase 未知的階段編號「recon」:應為階段清單中的編號之一',
  );
  await app.languageSelect.selectOption('en');
  await expect(phase).toHaveText(
    'events[0].phase unknown phases id "recon": expected one of the ids in phases',
  );
});

test("the editor says a missing field in Chinese as the load screen does, and zod's own problems by zod's locale", async ({
  app,
  page,
}) => {
  const id = await app.draftWithOneEvent();
  await app.setDraftEvent(id, { start: undefined });
  await page.goto(`./?draft=${id}&mode=edit&lang=zh-Hant`);
  const start = app.draftProblems.getByRole('listitem').filter({ hasText: 'events[0].start' });
  await expect(start).toHaveText('events[0].start 必填:應為 string');
  const citation = app.draftProblems.getByRole('listitem').filter({ hasText: 'locator' });
  await expect(citation).toContainText('數值過小');
});

test('a file that is not JSON is refused in Chinese', async ({ page }) => {
  const file = 'data/fixtures/bad/truncated.json';
  await page.goto(`./?src=${file}&lang=zh-Hant`);
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('無法開啟此事件');
  await expect(alert).toContainText(`${file} 不是有效的事件檔(共 1 個問題)`);
  const first = alert.getByRole('listitem').first();
  await expect(first.locator('code')).toHaveText(`${file}: (file)`);
  await expect(first).toContainText(/不是有效的 JSON:.*line 22 column 7/);
});

test("a file that could not be opened leaves the app's name in Chinese in the header and the tab", async ({
  app,
  page,
}) => {
  await page.goto('./?src=data/fixtures/bad/truncated.json&lang=zh-Hant');
  await expect(app.loadError).toBeVisible();
  await expect(app.heading).toHaveText('事件時間軸');
  await expect(page).toHaveTitle('事件時間軸');
  await app.languageSelect.selectOption('en');
  await expect(app.heading).toHaveText('Incident Timeline');
  await expect(page).toHaveTitle('Incident Timeline');
});

test("zod's own problem with a loaded file is said in Chinese, as zod's Chinese locale says it", async ({
  app,
  page,
}) => {
  const file = 'data/fixtures/bad/wrong-types.json';
  await page.goto(`./?src=${file}&lang=zh-Hant`);
  const first = app.loadError.getByRole('listitem').first();
  await expect(first.locator('code')).toHaveText(`${file}: events[0].systems`);
  await expect(first).toContainText('無效的輸入值：預期為 array，但收到 string');
});

test("zod's own problem with a file opened from this computer is said in Chinese", async ({
  app,
}) => {
  await app.goto('?lang=zh-Hant');
  await expect(app.chart).toBeVisible();
  await app.openFile('data/fixtures/bad/wrong-types.json');
  const first = app.importProblems.getByRole('listitem').first();
  await expect(first.locator('code')).toHaveText('wrong-types.json: events[0].systems');
  await expect(first).toContainText('無效的輸入值：預期為 array，但收到 string');
});

test("a CSV's problems are said in Chinese: a Timesketch CSV's bad time, and a row the header does not name", async ({
  app,
}) => {
  await app.goto('?lang=zh-Hant');
  await expect(app.chart).toBeVisible();
  await app.openFile('data/fixtures/broken-timesketch.csv');
  const first = app.importProblems.getByRole('listitem').first();
  await expect(first.locator('code')).toHaveText('broken-timesketch.csv: row 4, column datetime');
  await expect(first).toContainText('應為帶時差的 ISO 8601 時間,例如 2023-11-22T14:18:22+00:00');
  await app.importProblems.getByRole('button', { name: '關閉' }).click();
  await app.openFile({
    name: 'ragged.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('message,datetime,timestamp_desc\nx,2024-03-04T08:00:00+00:00,a,extra\n'),
  });
  await expect(app.importProblems.getByRole('listitem').first()).toContainText(
    '此列有 4 格,但標題列只列出 3 個欄位',
  );
});

test("the mapping's preview says a time it cannot read in Chinese", async ({ app }) => {
  await app.goto('?lang=zh-Hant');
  await expect(app.chart).toBeVisible();
  await app.openFile({
    name: 'local.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Time,Event\n2024-03-04 08:12,a\n'),
  });
  await expect(app.importPreviewRows.first()).toContainText('「2024-03-04 08:12」沒有時區');
});
