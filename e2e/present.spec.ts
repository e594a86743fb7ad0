import { bundled, expect, test, type DataEvent } from './fixtures';
import type { Page } from '@playwright/test';
import { TimelinePage } from './timeline-page';

type Event = DataEvent & { inject?: { question: { en: string } } };

// The app's reading order, computed here from the data on its own: an event sits at the end of its precision window
// ("2023-11-14, time not given" after "2023-11-14 09:22:49"), ties by start, end, then id.
const UNIT: Record<string, number> = { second: 1e3, minute: 6e4, hour: 36e5, day: 864e5 };
function windowEnd(iso: string, precision: string): number {
  const ms = Date.parse(iso);
  if (precision !== 'month') return ms + UNIT[precision]!;
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}
const order = [...(bundled.events as Event[])].sort(
  (a, b) =>
    windowEnd(a.start, a.precision) - windowEnd(b.start, b.precision) ||
    Date.parse(a.start) - Date.parse(b.start) ||
    windowEnd(a.end ?? a.start, a.precision) - windowEnd(b.end ?? b.start, b.precision) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
);
const byId = new Map(order.map((e) => [e.id, e]));
const event = (id: string) => byId.get(id)!;
const position = (id: string) => order.findIndex((e) => e.id === id);
const escapeHtml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

test('stepping forward and back updates the step and the URL', async ({ app }) => {
  await app.gotoPresent();
  // It opens on the title slide; step 1 is the first event's inject question.
  await expect(app.stepCounter).toHaveText('Title slide');
  await expect(app.previousButton).toBeDisabled();
  await app.nextButton.click();
  await expect(app.stepCounter).toHaveText('Step 1');
  await expect(app.injectCard).toContainText(order[0]!.inject!.question.en);

  await app.nextButton.click();
  await expect(app.stepCounter).toHaveText('Step 2');
  await expect(app.stepTitle).toHaveText(order[0]!.title.en);
  expect(app.stepInUrl()).toEqual({ event: order[0]!.id, inject: false });

  await app.page.keyboard.press('ArrowRight');
  await expect(app.stepCounter).toHaveText('Step 3');
  await expect(app.stepTitle).toHaveText(order[1]!.title.en);
  expect(app.stepInUrl()).toEqual({ event: order[1]!.id, inject: false });
  await expect(app.timePasses).toHaveText('27 days pass');

  await app.page.keyboard.press(' ');
  await expect(app.stepCounter).toHaveText('Step 4');
  expect(app.stepInUrl().event).toBe(order[2]!.id);

  await app.previousButton.click();
  await expect(app.stepCounter).toHaveText('Step 3');
  await app.page.keyboard.press('ArrowLeft');
  await app.page.keyboard.press('PageUp');
  await expect(app.stepCounter).toHaveText('Step 1');
  expect(app.stepInUrl()).toEqual({ event: order[0]!.id, inject: true });

  await app.page.keyboard.press('End');
  await expect(app.stepTitle).toHaveText(order.at(-1)!.title.en);
  expect(app.stepInUrl().event).toBe(order.at(-1)!.id);
  await expect(app.nextButton).toBeDisabled();
  await app.page.keyboard.press('Home');
  await expect(app.stepCounter).toHaveText('Title slide');
  expect(app.stepInUrl().event).toBeNull();

  // 7: the agenda's seventh phase (detection; the file's eighth) starts with the automated alert, an inject.
  await app.page.keyboard.press('7');
  expect(app.stepInUrl()).toEqual({ event: 'automated-alert', inject: true });
  // Every step is a history entry: Back returns to the previous one.
  await app.page.goBack();
  await expect(app.stepCounter).toHaveText('Title slide');
});

// Steps whose future must stay hidden, including one inside a run of events on the same day.
const cases: [string, boolean][] = [
  ['probing-begins', false],
  ['sliver-installed', false],
  ['automated-alert', true],
  ['known-ips-blocked', false],
  ['forensic-triage', false],
];
for (const [id, inject] of cases) {
  test(`at ${id}${inject ? ' (inject question)' : ''} nothing of the future is in the page`, async ({
    app,
  }) => {
    await app.gotoPresent(`event=${id}${inject ? '&inject=1' : ''}`);
    await expect(app.presentStep).toBeVisible();
    const cut = position(id) + (inject ? 0 : 1);
    const past = order.slice(0, cut);
    const future = order.slice(cut);
    expect(future.length).toBeGreaterThan(0);
    const { text, html } = await app.everything();
    for (const e of future) {
      expect(text, `text shows "${e.title.en}"`).not.toContain(e.title.en);
      expect(html, `markup holds "${e.title.en}"`).not.toContain(e.title.en);
      expect(html, `markup holds "${e.title.en}"`).not.toContain(escapeHtml(e.title.en));
      expect(html).not.toContain(`data-event="${e.id}"`);
    }
    // The past is all there, in the list of steps so far.
    for (const e of past) expect(html).toContain(escapeHtml(e.title.en));
  });
}

test('metrics and T+ wait until their milestones have been shown', async ({ app }) => {
  await app.gotoPresent(`event=okta-compromise`);
  await expect(app.presentStep).toBeVisible();
  await expect(app.page.getByText(/T[+−] /)).toHaveCount(0);
  await expect(app.metric('compromise-to-first-use')).toHaveCount(0);

  await app.gotoPresent('event=automated-alert&inject=1');
  await expect(app.metric('compromise-to-first-use')).toBeVisible();
  await expect(app.metric('time-to-detect')).toHaveCount(0);
  await expect(app.presentStep).toContainText('T+ 9 days 6 hours');
});

test('reveal all shows every event, with the current step still highlighted', async ({ app }) => {
  await app.gotoPresent('event=sliver-installed');
  const later = order.slice(position('sliver-installed') + 1);
  await app.revealAllButton.click();
  await app.page.getByRole('dialog').getByRole('button', { name: 'Reveal all' }).click();
  await expect(app.revealAllButton).toHaveAttribute('aria-pressed', 'true');
  expect(new URL(app.page.url()).searchParams.get('reveal')).toBe('1');
  await expect(app.stepTitle).toHaveText(event('sliver-installed').title.en);
  await expect(app.page.locator('[aria-current="step"]')).toContainText(
    event('sliver-installed').title.en,
  );
  const { html } = await app.everything();
  for (const e of later) expect(html).toContain(escapeHtml(e.title.en));
  await expect(app.metric('time-to-eradicate')).toBeVisible();

  await app.revealAllButton.click();
  await expect(app.revealAllButton).toHaveAttribute('aria-pressed', 'false');
  expect((await app.everything()).html).not.toContain(later.at(-1)!.title.en);
});

test('the presenter window follows the audience window, and the reverse', async ({
  app,
  context,
}) => {
  await app.gotoPresent('event=sliver-installed');
  const [popup] = await Promise.all([
    context.waitForEvent('page'),
    app.openPresenterButton.click(),
  ]);
  const presenter = new TimelinePage(popup);
  await expect(presenter.speakerNotes).toBeVisible();
  expect(new URL(popup.url()).searchParams.get('presenter')).toBe('1');
  expect(new URL(popup.url()).searchParams.get('session')).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );
  expect(presenter.stepInUrl()).toEqual({ event: 'sliver-installed', inject: false });
  await expect(presenter.speakerNotes).toContainText('Phase: Persistence');
  const [next, afterNext] = order.slice(position('sliver-installed') + 1);
  await expect(presenter.nextUp).toContainText(next!.title.en);
  await expect(popup.getByText(/Session \d+:\d\d:\d\d \/ 1:00:00/)).toBeVisible();

  await app.page.keyboard.press('PageDown');
  await expect.poll(() => presenter.stepInUrl().event).toBe(next!.id);
  await expect(presenter.nextUp).toContainText(afterNext!.title.en);

  await presenter.nextButton.click();
  await expect.poll(() => app.stepInUrl().event).toBe(afterNext!.id);
  await expect(app.stepTitle).toHaveText(afterNext!.title.en);

  await presenter.previousButton.click();
  await expect(app.stepTitle).toHaveText(next!.title.en);
  expect(presenter.stepInUrl().event).toBe(next!.id);
});

/**
 * From another page of the same origin, which knows the incident but not the session: says hello and asks the room
 * to jump to the last event and reveal everything, on the channel name the app used before sessions and with both
 * message shapes; returns every answer it heard.
 */
async function hostileBroadcast(page: Page): Promise<unknown[]> {
  return page.evaluate(async () => {
    const heard: unknown[] = [];
    const channel = new BroadcastChannel('incident-timeline:present:cloudflare-thanksgiving-2023');
    channel.onmessage = (e) => heard.push(e.data);
    const step = { type: 'step', event: 'post-published', inject: false, reveal: true };
    for (const m of [
      { type: 'hello' },
      { type: 'hello', from: 'presenter' },
      step,
      { ...step, from: 'presenter' },
    ])
      channel.postMessage(m);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    channel.close();
    return heard;
  });
}

test('a same-origin page can neither read nor move the room, and the presenter still can', async ({
  app,
  context,
}) => {
  await app.gotoPresent('event=sliver-installed');
  const hostile = await context.newPage();
  await hostile.goto('./schema/incident.schema.json');

  expect(await hostileBroadcast(hostile)).toEqual([]);
  expect(app.stepInUrl()).toEqual({ event: 'sliver-installed', inject: false });
  await expect(app.revealAllButton).toHaveAttribute('aria-pressed', 'false');
  await expect(app.stepTitle).toHaveText(event('sliver-installed').title.en);

  const [popup] = await Promise.all([
    context.waitForEvent('page'),
    app.openPresenterButton.click(),
  ]);
  const presenter = new TimelinePage(popup);
  await expect(presenter.speakerNotes).toBeVisible();
  expect(await hostileBroadcast(hostile)).toEqual([]);
  expect(app.stepInUrl().event).toBe('sliver-installed');
  await expect(app.revealAllButton).toHaveAttribute('aria-pressed', 'false');

  // The real presenter reveals, and the room follows.
  await presenter.revealAllButton.click();
  await presenter.page.getByRole('dialog').getByRole('button', { name: 'Reveal all' }).click();
  await expect(app.revealAllButton).toHaveAttribute('aria-pressed', 'true');
  await presenter.revealAllButton.click();
  await expect(app.revealAllButton).toHaveAttribute('aria-pressed', 'false');
  await presenter.nextButton.click();
  await expect.poll(() => app.stepInUrl().event).toBe(order[position('sliver-installed') + 1]!.id);
});

test('PageDown advances, and the inject card asks its question before the 16:00 alert is shown', async ({
  app,
}) => {
  const alert = event('automated-alert');
  expect(alert.start).toBe('2023-11-23T16:00:00Z');
  await app.gotoPresent('event=admin-group-change');
  await expect(app.stepTitle).toHaveText(event('admin-group-change').title.en);

  await app.page.keyboard.press('PageDown');
  await expect(app.injectCard).toContainText(alert.inject!.question.en);
  await expect(app.injectCard).toContainText('2023-11-23 16:00 UTC');
  await expect(app.timePasses).toHaveText('2 minutes pass');
  expect(app.stepInUrl()).toEqual({ event: 'automated-alert', inject: true });
  const { text, html } = await app.everything();
  expect(text).not.toContain(alert.title.en);
  expect(html).not.toContain(alert.title.en);

  // A reload resumes on the question, not on the answer.
  await app.page.reload();
  await app.waitForReady();
  await expect(app.injectCard).toBeVisible();

  await app.page.keyboard.press('PageDown');
  await expect(app.stepTitle).toHaveText(alert.title.en);
  expect(app.stepInUrl()).toEqual({ event: 'automated-alert', inject: false });
  await expect(app.chartItem('automated-alert').first()).toBeVisible();
});

test('time between steps reads in Traditional Chinese too', async ({ app }) => {
  await app.gotoPresent(`event=${order[1]!.id}&lang=zh-Hant`);
  await expect(app.timePasses).toHaveText('時間過去 27 天');
  await expect(app.stepCounter).toHaveText('第 3 步');
});

for (const [lang, said] of [
  ['en', 'inject=1 (the event moveworks-token-access has no inject question'],
  ['zh-Hant', 'inject=1(事件 moveworks-token-access 沒有情境注入問題'],
] as const)
  test(`inject=1 on an event without an inject question shows the event and says so (${lang})`, async ({
    app,
  }) => {
    await app.gotoPresent(`event=moveworks-token-access&inject=1&lang=${lang}`);
    await expect(app.stepTitle).toHaveText(event('moveworks-token-access').title[lang]);
    await expect(app.notice).toContainText(said);
  });

test("a link's search chooses the steps, from the first match to the last", async ({ app }) => {
  // Every event that names Bitbucket anywhere in the file is one search finds by its texts.
  const matches = order.filter((e) => JSON.stringify(e).toLowerCase().includes('bitbucket'));
  expect(matches.length).toBeGreaterThan(2);
  await app.gotoPresent('q=bitbucket');
  await app.page.keyboard.press('End');
  await expect.poll(() => app.stepInUrl().event).toBe(matches.at(-1)!.id);
  await app.page.keyboard.press('Home');
  await app.page.keyboard.press('ArrowRight');
  await expect.poll(() => app.stepInUrl().event).toBe(matches[0]!.id);
});

for (const [lang, titleSlide, stepOne, filteredOut, noEvent] of [
  [
    'en',
    'Title slide',
    'Step 1',
    "event=okta-compromise (this link's filters leave that event out of the steps, so the title slide is shown)",
    'inject=1 (the link names no event whose inject question to ask)',
  ],
  [
    'zh-Hant',
    '標題頁',
    '第 1 步',
    'event=okta-compromise(此連結的篩選條件未將該事件列入步驟,因此顯示標題頁)',
    'inject=1(此連結未指定事件,沒有可提出的情境注入問題)',
  ],
] as const)
  test(`an event the filters leave out, and inject=1 with no event, open the title slide and say so (${lang})`, async ({
    app,
  }) => {
    await app.gotoPresent(`phase=detection&event=okta-compromise&lang=${lang}`);
    await expect(app.stepCounter).toHaveText(titleSlide);
    await expect(app.notice).toContainText(filteredOut);
    // The next step is the first of the session, as from any title slide.
    await app.page.keyboard.press('ArrowRight');
    await expect(app.stepCounter).toHaveText(stepOne);
    expect(app.stepInUrl().event).toBe(order.find((e) => e.phase === 'detection')!.id);

    await app.gotoPresent(`inject=1&lang=${lang}`);
    await expect(app.stepCounter).toHaveText(titleSlide);
    await expect(app.notice).toContainText(noEvent);
  });

test("the link notice floats over the room's stage instead of pushing it down", async ({
  app,
  page,
}) => {
  await app.gotoPresent();
  await expect(app.stepCounter).toHaveText('Title slide');
  const top = (await app.presentControls.boundingBox())!.y;
  await app.gotoPresent('group=sideways');
  await expect(app.notice).toContainText('group (malformed)');
  expect((await app.presentControls.boundingBox())!.y).toBe(top);
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(
    page.viewportSize()!.height,
  );
});

test.describe('in a small embed', () => {
  test.use({ viewport: { width: 640, height: 360 } });
  test('present mode fits the width of a 640×360 frame', async ({ app }) => {
    await app.gotoPresent('event=sliver-installed');
    await expect(app.stepTitle).toBeVisible();
    expect(await app.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      640,
    );
  });
});

for (const [width, height] of [
  [1920, 1080],
  [1280, 720],
] as const)
  test.describe(`on a ${width}×${height} projector`, () => {
    test.use({ viewport: { width, height } });

    test('with every metric shown, the list of events so far fits on the screen', async ({
      app,
      page,
    }) => {
      for (const step of ['code-red-begins', 'post-published']) {
        await app.gotoPresent(`event=${step}`);
        await expect(app.metric('dwell-time')).toBeVisible();
        const rows = app.presentSoFar.getByRole('listitem');
        await expect(rows.first()).toBeVisible();
        const box = (await app.presentSoFar.boundingBox())!;
        expect(box.y + box.height, step).toBeLessThanOrEqual(height);
        expect(
          await page.evaluate(() => document.documentElement.scrollHeight),
        ).toBeLessThanOrEqual(height);
        // Squeezed to a sliver it would fit too: it keeps room for several rows.
        const row = (await rows.first().boundingBox())!;
        expect(box.height, step).toBeGreaterThan(5 * row.height);
      }
    });

    test('with a metric’s details open, the list of events so far keeps several whole rows and nothing scrolls the page', async ({
      app,
      page,
    }) => {
      for (const step of ['code-red-begins', 'post-published']) {
        await app.gotoPresent(`event=${step}`);
        await app.openMetric('dwell-time');
        await expect(app.metric('dwell-time').getByRole('listitem').first(), step).toBeInViewport();
        expect(await app.presentSoFarWholeRows(), step).toBeGreaterThanOrEqual(3);
        // The list got shorter: the current step stays in its view.
        await expect(app.presentSoFarCurrent, step).toBeInViewport({ ratio: 0.9 });
        expect(
          await page.evaluate(() => document.documentElement.scrollHeight),
          step,
        ).toBeLessThanOrEqual(height);
      }
    });

    test('a metric card opened at the foot of the metrics shows whole, without scrolling the page', async ({
      app,
    }) => {
      await app.gotoPresent('event=post-published');
      await app.openMetric('recovery');
      await expect
        .poll(() => app.metricCutAndPageScroll('recovery'))
        .toEqual({ cut: 0, pageScroll: 0 });
    });
  });

test.describe('on a 1920×1080 projector', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('each step scrolls the chart to its event’s lane, also below the chart’s height', async ({
    app,
    page,
  }) => {
    // The company-wide lane is the last of seven, below the chart's 42vh once the threat actor's lane has filled it.
    await app.gotoPresent('event=code-red-begins');
    await expect.poll(() => app.selectedItemInView()).toBe(true);
    await page.keyboard.press('End');
    await expect.poll(() => app.selectedItemInView()).toBe(true);
  });
});
