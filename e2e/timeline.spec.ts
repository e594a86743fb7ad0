import { bundled, expect, test, type DataEvent } from './fixtures';

const byId = new Map(bundled.events.map((e) => [e.id, e]));
const ev = (id: string): DataEvent => {
  const e = byId.get(id);
  if (!e) throw new Error(`no event ${id} in the data file`);
  return e;
};
const milestone = (kind: string) => bundled.events.find((e) => e.milestones?.includes(kind))!;

// Written here on purpose rather than imported from the app, so the test checks the app's arithmetic.
function spanText(ms: number, daysOnly: boolean): string {
  const units: [string, number][] = [
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
    ['second', 1000],
  ];
  const parts: string[] = [];
  let rest = ms;
  for (const [name, size] of daysOnly ? units.slice(0, 1) : units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) parts.push(`${n} ${name}${n === 1 ? '' : 's'}`);
  }
  return parts.join(' ');
}

test('switching the grouping changes the lanes', async ({ app }) => {
  await app.goto();
  await expect(app.laneLabels.first()).toHaveText('Okta');
  await app.groupSelect.selectOption('phase');
  await expect(app.laneLabels.first()).toHaveText('Credential compromise');
  await expect(app.laneLabels).toContainText(['Credential compromise', 'Reconnaissance']);
  expect(new URL(app.page.url()).searchParams.get('group')).toBe('phase');
  await app.groupSelect.selectOption('actor');
  await expect(app.laneLabels.first()).toHaveText('Threat actor');
});

test('T+ of an event given by its date alone counts calendar days, in the details and in the embed', async ({
  app,
}) => {
  // The first activity is at 09:22:49 on 14 November.
  for (const [query, text] of [
    ['event=okta-login-denied', 'T: the same day'],
    ['event=smartsheet-suite-access', 'T+ 1 day'],
    ['event=code-red-begins', 'T+ 13 days'],
    ['mode=embed&event=okta-login-denied', 'T: the same day'],
    ['mode=embed&event=smartsheet-suite-access', 'T+ 1 day'],
  ]) {
    await app.goto(`?${query}`);
    const since = app.details.getByRole('definition').filter({ hasText: /^T[+−:]/ });
    await expect(since, query).toHaveText(text);
  }
});

test('clicking an item fills the details panel with its UTC time', async ({ app }) => {
  await app.goto('?group=none');
  await app.clickChartItem('sliver-installed');
  await expect(app.details.getByRole('heading', { level: 2 })).toHaveText(
    ev('sliver-installed').title.en,
  );
  await expect(app.detailsWhen).toHaveText('2023-11-22 14:18:22 UTC');
  await expect(app.details).toContainText('T+ 8 days 4 hours 55 minutes 33 seconds');
  await expect(app.details.getByRole('link', { name: 'T1505' })).toHaveAttribute(
    'href',
    'https://attack.mitre.org/techniques/T1505/',
  );
  expect(await app.selectedChartEventIds()).toEqual(['sliver-installed']);
  expect((await app.query()).get('event')).toBe('sliver-installed');
});

test('an event on several systems is selected in every lane', async ({ app }) => {
  const multi = bundled.events.find((e) => e.systems.length > 1 && e.precision === 'second')!;
  await app.goto(`?event=${multi.id}&group=system`);
  await expect(app.chartItem(multi.id)).toHaveCount(multi.systems.length);
  await expect(app.chart.locator(`.vis-item.vis-selected[data-event="${multi.id}"]`)).toHaveCount(
    multi.systems.length,
  );
});

test('keyboard navigation in the list moves the chart selection', async ({ app }) => {
  await app.goto('?group=none');
  await app.listRows.first().click();
  const first = await app.selectedRow.getAttribute('data-event');
  await app.list.press('ArrowDown');
  await app.list.press('j');
  const third = (await app.listRows.nth(2).getAttribute('data-event'))!;
  await expect(app.selectedRow).toHaveAttribute('data-event', third);
  expect(third).not.toBe(first);
  // The chart selects it once it has redrawn around it.
  await expect.poll(() => app.selectedChartEventIds()).toEqual([third]);
  await app.list.press('k');
  await expect(app.selectedRow).toHaveAttribute(
    'data-event',
    (await app.listRows.nth(1).getAttribute('data-event'))!,
  );
  await app.list.press('Escape');
  await expect(app.selectedRow).toHaveCount(0);
  await expect.poll(() => app.selectedChartEventIds()).toEqual([]);
  await expect(app.list).toBeFocused();
});

test('selecting from the list brings the event into view without changing the zoom', async ({
  app,
}) => {
  const width = Date.parse('2023-11-23T22:00:00Z') - Date.parse('2023-11-23T15:00:00Z');
  const last = bundled.events.reduce((a, b) => (Date.parse(b.start) > Date.parse(a.start) ? b : a));
  await app.goto(`?group=none&from=2023-11-23T15:00:00Z&to=2023-11-23T22:00:00Z`);
  await expect(app.chartItem(last.id)).toHaveCount(0);
  await app.list.focus();
  await app.list.press('End');
  await expect(app.selectedRow).toHaveAttribute('data-event', last.id);
  // Whole: not left partly under the list's bottom edge by the height of its sticky headings.
  await expect.poll(() => app.listRowShownWhole(last.id)).toBe(true);
  await expect(app.chartItem(last.id)).toHaveCount(1);
  const q = await app.query();
  expect(Date.parse(q.get('to')!) - Date.parse(q.get('from')!)).toBe(width);
  expect(await app.selectedChartEventIds()).toEqual([last.id]);
  // Up past the top of the view: the row comes back whole, below the sticky headings.
  const rows = bundled.events.length;
  for (let i = 0; i < 15; i++) await app.list.press('ArrowUp');
  await expect(app.selectedRow).toHaveAttribute('aria-rowindex', String(rows + 1 - 15));
  const above = (await app.selectedRow.getAttribute('data-event'))!;
  await expect.poll(() => app.listRowShownWhole(above)).toBe(true);
});

test('an event chosen by link or from the list is scrolled into view in a lane below the chart’s height', async ({
  app,
}) => {
  // At 1280×720 the chart holds about a dozen of the twenty systems' lanes; production is the fourth from the end.
  await app.goto('?event=code-red-begins');
  await expect.poll(() => app.selectedItemInView()).toBe(true);
  await app.list.press('Home');
  await expect.poll(() => app.selectedItemInView()).toBe(true);
  await app.list.press('End');
  await expect.poll(() => app.selectedItemInView()).toBe(true);
});

test('leaving the chart while its lanes scroll throws nothing (vis-timeline patch)', async ({
  app,
  page,
}) => {
  await app.goto();
  // The lanes scroll, and in the same task the link changes (as Back changes it) to another screen: the scroll event
  // comes after the chart is destroyed. The console-error check of every test fails if it throws.
  await page.evaluate(() => {
    const column = document.querySelector<HTMLElement>('.timeline-chart .vis-panel.vis-left')!;
    history.pushState(null, '', '?mode=present');
    column.scrollTop = 200;
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(app.presentControls).toBeAttached();
  await page.waitForTimeout(300);
});

test('a day-precision event is drawn over its UTC day and reads as date only', async ({ app }) => {
  const day = ev('okta-login-denied');
  expect(day.precision).toBe('day');
  await app.goto(`?group=none&event=${day.id}`);
  await expect(app.chartItem(day.id)).toContainText('date only');
  await expect(app.detailsWhen).toHaveText('2023-11-14, time not given');
  await expect(app.listRow(day.id).locator('td').first()).toHaveText('2023-11-14');
});

test('the axis is labelled in UTC whatever the browser time zone', async ({ app }) => {
  await app.goto('?group=none&from=2023-11-23T15:30:00Z&to=2023-11-23T22:00:00Z');
  expect(await app.page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
    'America/Los_Angeles',
  );
  await expect(app.axisLabels.filter({ hasText: /^16:00$/ })).toHaveCount(1);
  await expect(app.axisLabels.filter({ hasText: /^21:00$/ })).toHaveCount(1);
  await expect(app.utcNote).toHaveText('All times UTC');
});

test('zooming out stops at the incident plus a margin, by button or by wheel', async ({ app }) => {
  test.setTimeout(60_000);
  // The bundled incident runs from October 2023 to February 2024; zoomed right out, the window is wider than that.
  const window = async () => {
    const q = await app.query();
    const [from, to] = [q.get('from') ?? '', q.get('to') ?? ''];
    return {
      years: `${from.slice(0, 4)} ${to.slice(0, 4)}`,
      wide: Date.parse(to) - Date.parse(from) > 150 * 86_400_000,
    };
  };
  await app.goto('?group=none');
  for (let i = 0; i < 17; i++) await app.zoomOutButton.click();
  expect(await window()).toEqual({ years: '2023 2024', wide: true });

  await app.goto('?group=none');
  await app.wheelOverChart(800, 30);
  await expect.poll(window).toEqual({ years: '2023 2024', wide: true });
  await expect(app.axisLabels.filter({ hasText: /^(19|20[01])\d{2}$/ })).toHaveCount(0);
});

// A day of the month, a weekday and day, or a time of day: anything that says when within the month.
const FINER_THAN_A_MONTH = /^(\d{1,2}|[A-Z][a-z]{2} \d{1,2}|\d{2}:\d{2})$/;

for (const { name, size, query } of [
  { name: 'a phone', size: { width: 390, height: 844 }, query: '' },
  {
    name: 'a 640×360 embed with details open',
    size: { width: 640, height: 360 },
    query: '?mode=embed&event=automated-alert',
  },
  {
    name: 'folded quiet periods at 1280 px',
    size: { width: 1280, height: 800 },
    query: '?compress=1',
  },
])
  test(`on ${name} the axis labels days, not only the year`, async ({ app, page }) => {
    await page.setViewportSize(size);
    await app.goto(query);
    await app.chartAtRest();
    const labels = await app.axisLabelsInView();
    expect(
      labels.filter((l) => FINER_THAN_A_MONTH.test(l)).length,
      labels.join(' '),
    ).toBeGreaterThanOrEqual(2);
  });

test('by the day, the axis names the month where it changes, not at every Monday', async ({
  app,
}) => {
  // Three weeks at 1280 px step by the day; with the week scale on, unpatched vis-timeline named the month each Monday.
  await app.goto('?group=none&from=2023-11-10T00:00:00Z&to=2023-12-01T00:00:00Z');
  await app.chartAtRest();
  const majors = await app.majorAxisLabels();
  expect(majors.length, majors.join(' | ')).toBeGreaterThan(0);
  expect(new Set(majors).size, majors.join(' | ')).toBe(majors.length);
  expect(
    majors.filter((m) => /November 2023/.test(m)),
    majors.join(' | '),
  ).toHaveLength(1);
});

test('compressing quiet periods folds the gap and gives the response more room', async ({
  app,
}) => {
  // Measured over the whole span, which the chart opens on only with the folds.
  await app.goto('?group=none');
  await app.fitAllButton.click();
  await expect.poll(async () => (await app.query()).has('from')).toBe(true);
  await expect(app.breakMarkers).toHaveCount(0);
  const gap = async () =>
    (await app.itemX('known-ips-blocked')) - (await app.itemX('automated-alert'));
  // The chart animates to the fitted window after the URL has it: measure once two readings agree.
  let before = NaN;
  await expect
    .poll(async () => {
      const last = before;
      before = await gap();
      return before === last;
    })
    .toBe(true);
  await app.toggle('Compress quiet periods').check();
  await expect(app.breakMarkers.first()).toContainText('hidden');
  await expect(async () => expect(await gap()).toBeGreaterThan(before * 2)).toPass();
  expect((await app.query()).get('compress')).toBe('1');
});

for (const [view, query] of [
  [
    'several phases begin before the window',
    '?group=none&from=2023-11-22T00:00Z&to=2023-11-27T00:00Z',
  ],
  ['quiet periods are folded', '?compress=1'],
]) {
  test(`phase names and fold labels do not cover one another when ${view}`, async ({ app }) => {
    await app.goto(query);
    await expect(app.chart.locator('.band-label').first()).toBeAttached();
    const labels = await app.shownChartLabels();
    expect(labels.length).toBeGreaterThan(3);
    const meet = (a: (typeof labels)[number], b: (typeof labels)[number]) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    const covering = labels.flatMap((a, i) =>
      labels.slice(i + 1).flatMap((b) => (meet(a, b) ? [`${a.text} / ${b.text}`] : [])),
    );
    expect(covering).toEqual([]);
  });
}

for (const [width, height, query] of [
  [1280, 720, ''],
  [1920, 1080, ''],
  [390, 844, ''],
  [1280, 720, '?mode=embed'],
] as const) {
  test.describe(`at ${width}x${height} ${query}`, () => {
    test.use({ viewport: { width, height } });
    test('the phase names are in the lanes’ view however far they are scrolled', async ({
      app,
    }) => {
      await app.goto(query);
      await expect(app.chart.locator('.band-label').first()).toBeAttached();
      // The first view has room for them: they cover no event.
      await expect
        .poll(async () =>
          (await app.phaseNamesWithLanesAt(0)).names.filter((n) => !n.inView || n.onItem),
        )
        .toEqual([]);
      expect((await app.phaseNamesWithLanesAt(0)).names.length).toBeGreaterThan(3);
      for (const at of [0.5, 1]) {
        // The lanes are taller than the chart here: scrolling them must move them, or this checks nothing.
        expect((await app.phaseNamesWithLanesAt(at)).scrolled).toBeGreaterThan(0);
        await expect
          .poll(async () => (await app.phaseNamesWithLanesAt(at)).names.filter((n) => !n.inView))
          .toEqual([]);
      }
    });
  });
}

// vis-timeline keeps the axis margin, the phase names' strip, above the first lane's events only: these restack
// them when the margin or the first lane changes without a pan or zoom (patches/vis-timeline+8.5.4.patch).
test('the phase names cover no event after the bands are switched off and on, or the first lane is filtered out', async ({
  app,
}) => {
  await app.goto();
  const covered = async () =>
    (await app.phaseNamesWithLanesAt(0)).names.filter((n) => n.onItem).map((n) => n.text);
  await expect(app.chart.locator('.band-label').first()).toBeAttached();
  await expect.poll(covered).toEqual([]);
  await app.toggle('Phase bands').uncheck();
  await expect(app.chart.locator('.band-label')).toHaveCount(0);
  await app.toggle('Phase bands').check();
  await expect(app.chart.locator('.band-label').first()).toBeAttached();
  await expect.poll(covered).toEqual([]);
  // Okta's lane comes first, and none of Jira's events is Okta's: another lane takes its place.
  await expect(app.laneLabels.first()).toHaveText('Okta');
  await app.facetOption('System', 'Atlassian Jira').locator('input').check();
  await expect(app.laneLabels.first()).not.toHaveText('Okta');
  await expect.poll(covered).toEqual([]);
});

test.describe('on a screen tall enough for the whole chart', () => {
  test.use({ viewport: { width: 1280, height: 1400 } });
  test('a phase name cut short is under the pointer, which shows its whole name', async ({
    app,
  }) => {
    // Containment's band is too narrow here for its name.
    await app.goto('?group=none&from=2023-11-22T00:00Z&to=2023-11-27T00:00Z');
    await expect
      .poll(() => app.cutPhaseNames())
      .toEqual([{ text: 'Containment', title: 'Containment', reached: true }]);
  });
  test('a phase name cut by its narrow band is under the pointer, which shows its whole name', async ({
    app,
  }) => {
    // Credential compromise's band is folded to a few pixels here; no other name comes near it.
    await app.goto('?compress=1');
    await expect
      .poll(() => app.cutPhaseNames())
      .toContainEqual({
        text: 'Credential compromise',
        title: 'Credential compromise',
        reached: true,
      });
  });
});

test('milestone markers are drawn from the data, kept through a filter and named in the language', async ({
  app,
}) => {
  await app.goto('?group=none');
  await expect(app.milestoneMarkers).toContainText([
    'Credentials compromised',
    'First adversary activity',
    'Detection',
  ]);
  const count = await app.milestoneMarkers.count();
  await app.tagMilestoneMarkers();
  await app.facetOption('Phase', 'Detection').getByRole('checkbox').check();
  await expect.poll(async () => (await app.query()).get('phase')).toBeTruthy();
  await expect(app.milestoneMarkers).toHaveCount(count);
  // Redrawing every marker on each filter cost 20 ms at 100,000 events: they are the same elements.
  expect(await app.taggedMilestoneMarkers()).toBe(count);
  await app.languageSelect.selectOption('zh-Hant');
  await expect(app.milestoneMarkers).toContainText(['憑證遭竊', '首次威脅活動', '偵測']);
  await expect(app.milestoneMarkers).toHaveCount(count);
});

test('each metric matches its milestones in the data file', async ({ app }) => {
  await app.goto();
  const cases: [string, string, string][] = [
    ['compromise-to-first-use', 'credential-compromise', 'first-adversary-activity'],
    ['time-to-detect', 'first-adversary-activity', 'detection'],
    ['time-to-contain', 'detection', 'containment'],
    ['time-to-eradicate', 'detection', 'eradication'],
    ['dwell-time', 'first-adversary-activity', 'last-adversary-activity'],
    ['recovery', 'recovery-start', 'recovery-complete'],
  ];
  const dateOnly = (e: DataEvent) => e.precision === 'day' || e.precision === 'month';
  const utcDay = (e: DataEvent) => Date.parse(`${e.start.slice(0, 10)}T00:00:00Z`);
  for (const [id, fromKind, toKind] of cases) {
    const [from, to] = [milestone(fromKind), milestone(toKind)];
    // A date has no time of day, so a span with a date at either end counts calendar days.
    const daysOnly = dateOnly(from) || dateOnly(to);
    const ms = daysOnly ? utcDay(to) - utcDay(from) : Date.parse(to.start) - Date.parse(from.start);
    await expect(app.metric(id).locator('.metric-value')).toHaveText(spanText(ms, daysOnly));
  }
  await expect(app.metric('time-to-detect').locator('.metric-value')).toHaveText(
    '9 days 6 hours 37 minutes 11 seconds',
  );
  await app.metric('time-to-detect').locator('summary').click();
  await expect(app.metric('time-to-detect')).toContainText(milestone('detection').title.en);
});

test('switching to Traditional Chinese shows Chinese labels and keeps UTC', async ({ app }) => {
  await app.goto('?event=sliver-installed');
  await app.languageSelect.selectOption('zh-Hant');
  await expect(app.heading).toHaveText('Cloudflare 2023 年感恩節安全事件');
  await expect(app.utcNote).toHaveText('所有時間均為 UTC');
  await expect(app.details.getByRole('heading', { level: 2 })).toHaveText(
    ev('sliver-installed').title['zh-Hant'],
  );
  await expect(app.detailsWhen).toHaveText('2023-11-22 14:18:22 UTC');
  await expect(app.laneLabels.first()).toHaveText('Okta');
  await expect(app.page.getByRole('combobox', { name: '泳道' })).toBeVisible();
  expect((await app.query()).get('lang')).toBe('zh-Hant');
});

// Named in the page's font stack, the CJK face was loaded by the first layouts of English pages too (about 180 ms of a
// load in a fresh browser); only text marked as Chinese names it now.
test('only text marked as Chinese asks for the Chinese face; monospace stays monospace', async ({
  app,
  page,
}) => {
  const fontOf = (locator: ReturnType<typeof page.locator>) =>
    locator.evaluate((e) => getComputedStyle(e).fontFamily);
  await app.goto('?lang=en&event=sliver-installed');
  expect(await fontOf(page.locator('body'))).not.toContain('CJK');
  expect(await fontOf(page.locator('option[lang="zh-Hant"]'))).toContain('Noto Sans CJK TC');
  await app.languageSelect.selectOption('zh-Hant');
  await expect.poll(() => fontOf(page.locator('body'))).toContain('Noto Sans CJK TC');
  expect(await fontOf(app.source.locator('code'))).toContain('monospace');
  // Inherited from a monospace container, not reset on every element of a Chinese page.
  expect(await fontOf(app.detailsWhen.locator('time').first())).toContain('monospace');
});

test('in Traditional Chinese the axis names months and days in Chinese, still in UTC', async ({
  app,
}) => {
  await app.goto('?lang=en&group=none&from=2023-10-15&to=2024-02-05');
  await expect(app.axisLabels.filter({ hasText: /^Nov$/ })).toHaveCount(1);
  await app.languageSelect.selectOption('zh-Hant');
  await expect(app.axisLabels.filter({ hasText: /^11月$/ })).toHaveCount(1);
  await expect(app.axisLabels.filter({ hasText: /^12月$/ })).toHaveCount(1);
  await expect(app.axisLabels.filter({ hasText: /[A-Za-z]/ })).toHaveCount(0);

  // 01:00–07:00 UTC on Friday 24 November is still Thursday the 23rd in the browser's Los Angeles.
  await app.goto('?lang=zh-Hant&group=none&from=2023-11-24T01:00:00Z&to=2023-11-24T07:00:00Z');
  await expect(app.axisLabels.filter({ hasText: /^02:00$/ })).toHaveCount(1);
  await expect(app.axisLabels.filter({ hasText: '11月24日 星期五' }).first()).toBeVisible();
  await expect(app.axisLabels.filter({ hasText: /23日|星期四/ })).toHaveCount(0);
});

test('the dark theme applies and the choice is kept in the link', async ({ app }) => {
  await app.goto();
  await app.themeSelect.selectOption('dark');
  await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const bg = await app.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(13, 17, 23)');
  await app.page.reload();
  await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('on a phone the list comes before the filters', async ({ app }) => {
  await app.page.setViewportSize({ width: 390, height: 844 });
  await app.goto();
  const listTop = (await app.list.boundingBox())!.y;
  const filtersTop = (await app.search.boundingBox())!.y;
  expect(listTop).toBeLessThan(filtersTop);
  const overflow = await app.page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
