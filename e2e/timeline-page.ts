import { expect, type Locator, type Page } from '@playwright/test';

/** A rectangle in page pixels. */
type Strip = { x: number; y: number; width: number; height: number };

/** The one place that knows the app's markup, including vis-timeline's class names. */
export class TimelinePage {
  constructor(readonly page: Page) {}

  async goto(query = '') {
    await this.page.goto(`./${query}`);
    await this.waitForReady();
  }

  async waitForReady() {
    await this.page.waitForFunction(
      () => performance.getEntriesByName('incident:ready').length > 0,
    );
  }

  /** Whether the page has registered its offline service worker yet. */
  serviceWorkerRegistered() {
    return this.page.evaluate(() =>
      navigator.serviceWorker.getRegistration().then((r) => r !== undefined),
    );
  }

  readyMarks() {
    return this.page.evaluate(() => performance.getEntriesByName('incident:ready').length);
  }

  /** The query string of the current URL, decoded. */
  async query(): Promise<URLSearchParams> {
    return new URL(this.page.url()).searchParams;
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** Why the incident could not be opened. */
  get loadError(): Locator {
    return this.page.getByRole('alert');
  }

  /** The header's "Source:" line. */
  get source(): Locator {
    return this.page.locator('.data-source');
  }

  /** The loading view's Cancel. */
  get cancelLoadButton(): Locator {
    return this.page.getByRole('button', { name: /^(Cancel|取消)$/ });
  }

  /** What the page says after a load was cancelled. */
  get loadCancelled(): Locator {
    return this.page.getByRole('alert').filter({ hasText: /Loading was cancelled|已取消載入/ });
  }

  get chart(): Locator {
    return this.page.locator('.timeline-chart');
  }

  /** Whether an item of the selected event is drawn whole inside the chart's visible lanes. */
  selectedItemInView(): Promise<boolean> {
    return this.chart.first().evaluate((chart) => {
      const lanes = chart.querySelector('.vis-panel.vis-center')!.getBoundingClientRect();
      return [...chart.querySelectorAll('.vis-item.vis-selected')].some((item) => {
        const r = item.getBoundingClientRect();
        return r.height > 0 && r.top >= lanes.top - 1 && r.bottom <= lanes.bottom + 1;
      });
    });
  }

  /** Chart items for events (not phase bands or aggregates); one per event and lane. */
  get chartItems(): Locator {
    return this.chart.locator('.vis-item[data-event]');
  }

  chartItem(eventId: string): Locator {
    return this.chart.locator(`.vis-item[data-event="${eventId}"]`);
  }

  /** Distinct event ids drawn on the chart. */
  async drawnEventIds(): Promise<string[]> {
    const ids = await this.chartItems.evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-event') ?? ''),
    );
    return [...new Set(ids)].sort();
  }

  async selectedChartEventIds(): Promise<string[]> {
    const ids = await this.chart
      .locator('.vis-item.vis-selected[data-event]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-event') ?? ''));
    return [...new Set(ids)];
  }

  /** Clicks an item's label (the dot of a point item is tiny). */
  async clickChartItem(eventId: string) {
    await this.chartItem(eventId).first().locator('.it-label').click();
  }

  /** Left edge of an event's first item, in page pixels; waits for the item to be drawn. */
  async itemX(eventId: string): Promise<number> {
    const box = await this.chartItem(eventId).first().boundingBox();
    if (!box) throw new Error(`${eventId} is not drawn`);
    return box.x;
  }

  /** An event's first item's left edge now, or undefined: one read, as boundingBox waits for an item a redraw removed. */
  async drawnX(eventId: string): Promise<number | undefined> {
    return this.chartItem(eventId).evaluateAll((els) => els[0]?.getBoundingClientRect().x);
  }

  /** Waits until the chart's axis holds still for 200 ms: a window's animation (300 ms) has ended. */
  async chartAtRest(timeout = 5_000) {
    const axis = () =>
      this.chart
        .locator('.vis-time-axis.vis-foreground .vis-text')
        .evaluateAll((els) =>
          els.map((e) => `${e.textContent}@${e.getBoundingClientRect().x}`).join(),
        );
    const deadline = Date.now() + timeout;
    let before = await axis();
    for (;;) {
      await this.page.waitForTimeout(200);
      const now = await axis();
      if (now === before && now !== '') return;
      if (Date.now() > deadline)
        throw new Error(`the chart's axis was still moving after ${timeout} ms`);
      before = now;
    }
  }

  /** The chart's lane-name column: a focusable region that scrolls the lanes. */
  get laneColumn(): Locator {
    return this.page.getByRole('region', { name: /^(Lane names|泳道名稱)$/ });
  }

  /** The rows of the chart that hold each lane's items, in lane order. */
  get laneRows(): Locator {
    return this.chart.locator('.vis-foreground .vis-group');
  }

  get laneLabels(): Locator {
    return this.chart.locator('.vis-labelset .vis-label .lane-label');
  }

  /** Hovers an event's label on the chart (the item's middle may lie under a background panel), opening its tooltip. */
  async hoverItem(eventId: string) {
    await this.chartItem(eventId).first().locator('.vis-item-content').hover();
  }

  /** Drags the chart sideways by `dx` pixels, along the time axis so that the drag never starts on an item. */
  async panChart(dx: number) {
    const box = (await this.chart.locator('.vis-time-axis.vis-foreground').boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx, y, { steps: 8 });
    await this.page.mouse.up();
  }

  get axisLabels(): Locator {
    return this.chart.locator('.vis-time-axis .vis-text:not(.vis-measure)');
  }

  get breakMarkers(): Locator {
    return this.chart.locator('.vis-custom-time[class*="break-"] .vis-custom-time-marker');
  }

  /** Tags the milestone markers drawn now, so a later look can tell them from markers drawn again. */
  tagMilestoneMarkers() {
    return this.milestoneMarkers.evaluateAll((els) => {
      for (const e of els) e.setAttribute('data-tagged', '');
    });
  }

  /** How many milestone markers are still the ones tagged by `tagMilestoneMarkers`. */
  taggedMilestoneMarkers() {
    return this.milestoneMarkers.evaluateAll(
      (els) => els.filter((e) => e.hasAttribute('data-tagged')).length,
    );
  }

  get milestoneMarkers(): Locator {
    return this.chart.locator('.vis-custom-time[class*="milestone-"] .vis-custom-time-marker');
  }

  /** The milestone labels shown on the chart (merged ones hidden), with their boxes in page pixels. */
  async milestoneLabelBoxes(): Promise<
    { text: string; x: number; y: number; width: number; height: number }[]
  > {
    return this.milestoneMarkers.evaluateAll((els) =>
      els
        .filter((e) => getComputedStyle(e).display !== 'none')
        .map((e) => {
          const r = e.getBoundingClientRect();
          return { text: e.textContent ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
        }),
    );
  }

  /** The axis's date labels as their text is drawn (an element's box also holds its padding), in page pixels. */
  async axisLabelTextBoxes(): Promise<
    { text: string; x: number; y: number; width: number; height: number }[]
  > {
    return this.axisLabels.evaluateAll((els) =>
      els
        .filter((e) => (e.textContent ?? '').trim() !== '')
        .map((e) => {
          const range = document.createRange();
          range.selectNodeContents(e);
          const r = range.getBoundingClientRect();
          return { text: e.textContent ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
        }),
    );
  }

  /**
   * For each pixel row of a strip of an exported PNG, whether it holds anything but the strip's first pixel's colour.
   * The strip is given in page pixels, relative to the element the image is taken of, at the image's pixel ratio.
   */
  private inkedRows(png: Buffer, strip: Strip, ratio: number): Promise<boolean[]> {
    return this.page.evaluate(
      async ({ base64, strip, ratio }) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        const [x, y, w, h] = [strip.x, strip.y, strip.width, strip.height].map((v) =>
          Math.round(v * ratio),
        );
        const { data } = context.getImageData(x!, y!, w!, h!);
        const background = data.slice(0, 4).join();
        return Array.from({ length: h! }, (_, row) => {
          for (let col = 0; col < w!; col++) {
            const at = (row * w! + col) * 4;
            if (data.slice(at, at + 4).join() !== background) return true;
          }
          return false;
        });
      },
      { base64: png.toString('base64'), strip, ratio },
    );
  }

  /** The share of pixel rows in a strip of an exported PNG that hold anything but the background (see inkedRows). */
  async inkRows(png: Buffer, strip: Strip, ratio = 2) {
    const rows = await this.inkedRows(png, strip, ratio);
    return rows.filter(Boolean).length / rows.length;
  }

  /** The rows, in page pixels from the strip's top, where a run of inked rows (see inkedRows) starts. */
  async inkedRowsAt(png: Buffer, strip: Strip, ratio = 2) {
    const rows = await this.inkedRows(png, strip, ratio);
    return rows.flatMap((inked, row) => (inked && !rows[row - 1] ? [row / ratio] : []));
  }

  /** The bottom borders of the lane names shown in the lane-name column, relative to the column's box. */
  laneBordersShown(): Promise<number[]> {
    return this.chart.locator('.vis-panel.vis-left').evaluate((column) => {
      const box = column.getBoundingClientRect();
      return [...column.querySelectorAll('.vis-labelset .vis-label')]
        .map((l) => l.getBoundingClientRect().bottom - 1 - box.top)
        .filter((y) => y > 0 && y < box.height - 1);
    });
  }

  /**
   * The boxes of the phase-band labels and of the fold labels that are drawn (not hidden, not empty), with their
   * text: these must not cover one another.
   */
  shownChartLabels(): Promise<
    { text: string; x: number; y: number; width: number; height: number }[]
  > {
    return this.chart.evaluate((chart) =>
      [
        ...chart.querySelectorAll<HTMLElement>(
          ".band-label, .vis-custom-time[class*='break-'] .vis-custom-time-marker",
        ),
      ]
        .filter((el) => getComputedStyle(el).visibility !== 'hidden')
        .map((el) => {
          const r = el.getBoundingClientRect();
          return { text: el.textContent ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
        })
        .filter((b) => b.width > 0),
    );
  }

  /** The lanes' bottom borders that an exported PNG draws `x` page pixels into the lane-name column, as above. */
  async laneBordersInPng(png: Buffer, x: number): Promise<number[]> {
    const column = await this.laneColumnInCapture();
    // Inside the column's own top and bottom borders.
    const strip = { x: column.x + x, y: column.y + 3, width: 2, height: column.height - 6 };
    return (await this.inkedRowsAt(png, strip)).map((y) => y + 3);
  }

  /**
   * The phase names cut short on the chart: their text, their title, and whether the pointer at their centre reaches
   * them, with the chart's top, where they sit, scrolled on screen (the chart's own boxes are left unscrolled).
   */
  cutPhaseNames(): Promise<{ text: string; title: string; reached: boolean }[]> {
    return this.chart.evaluate((chart) => {
      chart.scrollIntoView({ block: 'start' });
      return [...chart.querySelectorAll<HTMLElement>('.band-label[data-fit="cut"]')].map((el) => {
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        return { text: el.textContent ?? '', title: el.title, reached: hit === el };
      });
    });
  }

  /**
   * The phase names drawn (not hidden) with the lanes scrolled to `at` of their range (0 their top, 1 their end),
   * as a user scrolls them: the lane column where there is one, else the wheel over the lanes (an embed without
   * lanes). Says how far the lanes moved, and of each name whether it lies whole inside the lanes' visible box and
   * whether it meets an item of an event.
   */
  async phaseNamesWithLanesAt(at: number): Promise<{
    scrolled: number;
    names: { text: string; inView: boolean; onItem: boolean }[];
  }> {
    const chart = this.chart.first();
    const center = chart.locator('.vis-panel.vis-center');
    // vis-timeline scrolls the lanes by moving its centre content up, by at most this much.
    const lanesScrolled = () =>
      center.evaluate((panel) => {
        const content = panel.querySelector<HTMLElement>('.vis-content')!;
        return -new DOMMatrixReadOnly(content.style.transform || 'none').m42;
      });
    const range = await center.evaluate((panel) => {
      const content = panel.querySelector<HTMLElement>('.vis-content')!;
      return Math.max(0, content.offsetHeight - panel.clientHeight);
    });
    const byColumn = await chart.evaluate((el, at) => {
      const column = el.querySelector<HTMLElement>('.vis-panel.vis-left')!;
      if (column.scrollHeight <= column.clientHeight) return false;
      column.scrollTop = Math.round(at * (column.scrollHeight - column.clientHeight));
      return true;
    }, at);
    if (!byColumn && range > 0) {
      await center.hover();
      await this.page.mouse.wheel(0, Math.round(at * range) - (await lanesScrolled()));
    }
    // The names follow once vis-timeline has redrawn the lanes where they were scrolled to.
    await this.page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    const names = await chart.evaluate((el) => {
      const lanes = el.querySelector('.vis-panel.vis-center')!.getBoundingClientRect();
      const items = [...el.querySelectorAll('.vis-item[data-event]')].map((i) =>
        i.getBoundingClientRect(),
      );
      return [...el.querySelectorAll<HTMLElement>('.band-label')]
        .filter(
          (label) => label.dataset.fit !== 'hidden' && label.getBoundingClientRect().width > 0,
        )
        .map((label) => {
          const r = label.getBoundingClientRect();
          return {
            text: label.textContent ?? '',
            inView: r.top >= lanes.top && r.bottom <= lanes.bottom,
            onItem: items.some(
              (i) => i.left < r.right && r.left < i.right && i.top < r.bottom && r.top < i.bottom,
            ),
          };
        });
    });
    return { scrolled: await lanesScrolled(), names };
  }

  /** The lane-name column's box, relative to the element the PNG export captures. */
  async laneColumnInCapture() {
    const capture = (await this.page.locator('.capture').boundingBox())!;
    const column = (await this.chart.locator('.vis-panel.vis-left').boundingBox())!;
    return { ...column, x: column.x - capture.x, y: column.y - capture.y };
  }

  /** The axis's labels whose text is drawn inside the chart's drawing area, left to right. */
  async axisLabelsInView(): Promise<string[]> {
    const area = await this.chartArea();
    const boxes = await this.axisLabelTextBoxes();
    return boxes
      .filter((b) => b.x >= area.x && b.x + b.width <= area.x + area.width)
      .sort((a, b) => a.x - b.x)
      .map((b) => b.text);
  }

  /** The texts of the axis's major labels (months above days, days above hours), left to right. */
  async majorAxisLabels(): Promise<string[]> {
    const labels = this.chart.locator('.vis-time-axis .vis-text.vis-major:not(.vis-measure)');
    return (await labels.allTextContents()).map((t) => t.trim()).filter((t) => t !== '');
  }

  /** The chart's drawing area (without the lane names), in page pixels. */
  async chartArea() {
    return (await this.chart.locator('.vis-panel.vis-center').boundingBox())!;
  }

  /** The overview strip's brush: a slider whose value text is the chart's window. */
  get overview(): Locator {
    return this.page.getByRole('slider', { name: /^(Overview|總覽)$/ });
  }

  /** The window the overview's brush says the chart shows, parsed from its value text. */
  async overviewWindow(): Promise<{ from: number; to: number }> {
    const text = (await this.overview.getAttribute('aria-valuetext')) ?? '';
    const [from, to] = text.replace(' UTC', '').split(' – ');
    const ms = (s = '') => Date.parse(`${s.replace(' ', 'T')}:00Z`);
    return { from: ms(from), to: ms(to) };
  }

  /** The "All times UTC" note of the page's header or embed bar. */
  get utcNote(): Locator {
    return this.page.locator('.utc-note');
  }

  get tooltip(): Locator {
    return this.chart.locator('.vis-tooltip');
  }

  /**
   * Serves the parse worker's script with a Content-Security-Policy header (a worker does not inherit the page's
   * `<meta>` policy) and a listener that relays the worker's CSP violations to the page. `probe` adds an eval
   * attempt of its own, to show the relay works.
   */
  async recordWorkerCspViolations({ probe = false } = {}) {
    await this.page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __workerViolations: string[] }).__workerViolations = seen;
      new BroadcastChannel('test:worker-csp').onmessage = (e) => seen.push(String(e.data));
    });
    let served = 0;
    await this.page.route('**/assets/parse-worker-*.js', async (route) => {
      const response = await route.fetch();
      const relay = `self.addEventListener('securitypolicyviolation', (e) => new BroadcastChannel('test:worker-csp').postMessage(e.effectiveDirective + ' ' + e.blockedURI));`;
      const control = probe ? `try { new Function(''); } catch {}` : '';
      served++;
      await route.fulfill({
        response,
        body: `${relay}${control}\n${await response.text()}`,
        headers: {
          ...response.headers(),
          'content-security-policy': "default-src 'self'; script-src 'self'",
        },
      });
    });
    return {
      served: () => served,
      violations: () =>
        this.page.evaluate(
          () => (window as unknown as { __workerViolations: string[] }).__workerViolations,
        ),
    };
  }

  // The rest of the page: located by role and label, as a user finds it.

  get groupSelect(): Locator {
    return this.page.getByRole('combobox', { name: /^(Lanes|泳道)/ });
  }

  get languageSelect(): Locator {
    return this.page.getByRole('combobox', { name: /^(Language|語言)/ });
  }

  get themeSelect(): Locator {
    return this.page.getByRole('combobox', { name: /^(Theme|主題)/ });
  }

  get fitAllButton(): Locator {
    return this.page.getByRole('button', { name: /^(Fit all|Fit|顯示全部)$/ });
  }

  get zoomOutButton(): Locator {
    return this.page.getByRole('button', { name: /^(Zoom out|縮小)$/ });
  }

  /**
   * Clicks Zoom in and samples the axis: whether it moved within two frames (where a jump lands), and whether it
   * still moved after that (a glide).
   */
  async zoomInMotion(): Promise<{ moved: boolean; glided: boolean }> {
    return this.page.evaluate(async () => {
      const label = () => {
        const el = document.querySelector(
          '.timeline-chart .vis-time-axis .vis-text:not(.vis-measure)',
        ) as HTMLElement;
        return `${el.textContent}@${el.style.transform || el.style.left}`;
      };
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      const before = label();
      (document.querySelector('button[aria-label="Zoom in"]') as HTMLButtonElement).click();
      await frame();
      await frame();
      const soon = label();
      await new Promise((r) => setTimeout(r, 800));
      return { moved: soon !== before, glided: soon !== label() };
    });
  }

  /** Turns the mouse wheel over the middle of the chart, which zooms it. */
  async wheelOverChart(deltaY: number, times: number) {
    const box = (await this.chart.boundingBox())!;
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < times; i++) await this.page.mouse.wheel(0, deltaY);
  }

  toggle(name: RegExp | string): Locator {
    return this.page.getByRole('checkbox', { name });
  }

  get list(): Locator {
    return this.page.getByRole('grid');
  }

  get listRows(): Locator {
    return this.list.locator('tbody tr[data-event]');
  }

  listRow(eventId: string): Locator {
    return this.list.locator(`tr[data-event="${eventId}"]`);
  }

  get selectedRow(): Locator {
    return this.list.locator('tr[aria-selected="true"]');
  }

  /** Whether the event's row is shown whole in the list's scrolled view: below its sticky headings, above its bottom. */
  async listRowShownWhole(eventId: string): Promise<boolean> {
    return this.listRow(eventId).evaluate((row) => {
      const view = row.closest('[role="grid"]')!;
      // The heading cells are what stays stuck at the top while the rows scroll.
      const headings = view.querySelector('th')!.getBoundingClientRect();
      const r = row.getBoundingClientRect();
      const bottom = view.getBoundingClientRect().top + view.clientTop + view.clientHeight;
      return r.top >= headings.bottom - 0.5 && r.bottom <= bottom + 0.5;
    });
  }

  get details(): Locator {
    return this.page.locator('aside.details');
  }

  get detailsWhen(): Locator {
    return this.details.locator('.details-when');
  }

  get search(): Locator {
    return this.page.getByRole('searchbox');
  }

  facet(name: RegExp | string): Locator {
    return this.page.getByRole('group', { name });
  }

  facetOption(facet: RegExp | string, option: string): Locator {
    return this.facet(facet)
      .locator('label.facet-option')
      .filter({ has: this.page.getByText(option, { exact: true }) });
  }

  /** The count shown beside a facet option. */
  async facetCount(facet: RegExp | string, option: string): Promise<number> {
    return Number(await this.facetOption(facet, option).locator('.facet-count').textContent());
  }

  get summary(): Locator {
    return this.page.locator('.filter-summary [role="status"]');
  }

  get notice(): Locator {
    return this.page.locator('.notice');
  }

  /** The notice listing what looks wrong in a file that loaded anyway, in either UI language. */
  get dataWarnings(): Locator {
    return this.page.getByRole('status', {
      name: /^(Warnings about this incident file|此事件檔案的警告)$/,
    });
  }

  /** The ATT&CK techniques listed in the details panel, one item each. */
  get detailsTechniques(): Locator {
    return this.details.getByRole('region', { name: /ATT&CK/ }).getByRole('listitem');
  }

  metric(id: string): Locator {
    return this.page.locator(`[data-metric="${id}"]`);
  }

  /** Opens a metric card's details: the two events it is measured between. */
  async openMetric(id: string) {
    await this.metric(id).locator('summary').click();
    await this.page.locator(`[data-metric="${id}"][open]`).waitFor();
  }

  /** How many pixels of a metric card lie outside its metrics' box (0 when it shows whole), and the page's scroll. */
  metricCutAndPageScroll(id: string): Promise<{ cut: number; pageScroll: number }> {
    return this.metric(id).evaluate((card) => {
      const view = card.parentElement!.getBoundingClientRect();
      const box = card.getBoundingClientRect();
      const cut = Math.max(0, view.top - box.top) + Math.max(0, box.bottom - view.bottom);
      // Scrolling lands on whole pixels, a card's edges on fractions of one: less than a pixel cut shows nothing.
      return { cut: Math.round(cut), pageScroll: document.scrollingElement!.scrollTop };
    });
  }

  /** Chooses a format in the Export menu, opening the menu first. */
  async chooseExport(format: string) {
    const menu = this.page.locator('details.menu');
    // By its place, not its name, so that it is found in every language.
    if ((await menu.getAttribute('open')) === null) await menu.locator('> summary').click();
    await this.page.locator(`.menu-list button[data-format="${format}"]`).click();
  }

  /** Exports through the Export menu and returns the downloaded file's bytes and name. */
  async exportAs(format: string): Promise<{ name: string; body: Buffer }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.chooseExport(format),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: download.suggestedFilename(), body: Buffer.concat(chunks) };
  }

  /** Exports through the Export menu's entry of that accessible name; returns the downloaded file's text. */
  async exportNamed(name: string): Promise<string> {
    await this.page.getByText('Export', { exact: true }).click();
    // A filtered view's entry adds "(12 of 40 events shown)" to the format's name.
    const entry = new RegExp(
      `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(.+ events shown\\))?$`,
    );
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: entry }).click(),
    ]);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  get linksToggle(): Locator {
    return this.page.getByRole('checkbox', { name: 'Links', exact: true });
  }

  get showPathButton(): Locator {
    return this.details.getByRole('button', { name: 'Show path' });
  }

  /** The traced path's steps in the details panel, in order. */
  get pathSteps(): Locator {
    return this.details.getByRole('list', { name: 'Path' }).getByRole('listitem');
  }

  /**
   * The link arrows drawn on the chart: the events at their two ends, their kind, and whether each end of the line
   * sits on its item (the start of the item's box, half-way down), i.e. the arrow follows the item.
   */
  async arrows(): Promise<
    { from: string; to: string; style: string; dimmed: boolean; onItems: boolean }[]
  > {
    return this.chart.locator('svg.it-arrows path.it-arrow').evaluateAll((paths) =>
      // A path a redraw has just taken out is skipped: the caller polls until the arrows settle.
      paths
        .filter((p) => p.closest('svg'))
        .map((p) => {
          const svg = p.closest('svg')!.getBoundingClientRect();
          const item = (id: string) =>
            p
              .closest('.vis-panel')!
              .querySelector<HTMLElement>(`.vis-item[data-id="${CSS.escape(id)}"]`);
          const from = item(p.getAttribute('data-from')!);
          const to = item(p.getAttribute('data-to')!);
          const nums = (p.getAttribute('d') ?? '').match(/-?\d+(\.\d+)?/g)!.map(Number);
          const near = (el: HTMLElement | null, x: number, y: number) => {
            if (!el) return false;
            const r = el.getBoundingClientRect();
            return (
              Math.abs(r.left - svg.left - x) < 2 &&
              Math.abs(r.top + r.height / 2 - svg.top - y) < 2
            );
          };
          return {
            from: from?.dataset.event ?? '',
            to: to?.dataset.event ?? '',
            style: [...p.classList]
              .find((c) => /^it-arrow-(chain|detection|response)$/.test(c))!
              .slice(9),
            dimmed: p.classList.contains('it-arrow-dimmed'),
            onItems: near(from, nums[0]!, nums[1]!) && near(to, nums.at(-2)!, nums.at(-1)!),
          };
        }),
    );
  }

  /** Opens a local file through the "Open file…" button's file chooser. */
  async openFile(file: string | { name: string; mimeType: string; buffer: Buffer }) {
    await this.page.locator('input[type="file"]').setInputFiles(file);
  }

  /** The message saying an export failed. */
  get exportFailure(): Locator {
    return this.page.getByRole('alert').filter({ hasText: /^Export as/ });
  }

  /** The details panel's "Imported fields": the columns of an imported file that map to no event field. */
  get importedFields(): Locator {
    return this.details
      .locator('section')
      .filter({ has: this.page.getByRole('heading', { name: 'Imported fields' }) });
  }

  /** Why a file opened from this computer could not be opened, in English or Chinese. */
  get importProblems(): Locator {
    return this.page.getByRole('dialog', { name: /could not be opened|^無法開啟/ });
  }

  get mappingDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Which column holds what\?$|^各欄位分別是什麼/ });
  }

  /** The choice, after a forensic timeline opens, to group its rows sharing a time and host. */
  get groupForensicRows(): Locator {
    return this.page.getByRole('checkbox', { name: 'Group rows with the same time and host' });
  }

  /** The mapping step's preview table: its body rows, one per sample row. */
  get importPreviewRows(): Locator {
    return this.mappingDialog
      .getByRole('region', { name: /^Preview|^前幾列的預覽/ })
      .locator('tbody tr');
  }

  /** The mapping step's choice of one actor's side. */
  sideOf(actor: string): Locator {
    return this.mappingDialog.getByRole('combobox', { name: `Side of ${actor}` });
  }

  // Present mode (mode=present)

  /** Opens present mode; `query` is the rest of the query string without "?", e.g. "event=sliver-installed". */
  async gotoPresent(query = '') {
    await this.goto(`?mode=present${query ? `&${query}` : ''}`);
  }

  get presentControls(): Locator {
    return this.page.getByRole('navigation', { name: /Presentation controls|簡報控制/ });
  }

  get stepCounter(): Locator {
    return this.page.locator('.present-counter');
  }

  get nextButton(): Locator {
    return this.presentControls.getByRole('button', { name: /Next/ });
  }

  get previousButton(): Locator {
    return this.presentControls.getByRole('button', { name: /Previous/ });
  }

  get revealAllButton(): Locator {
    return this.presentControls.getByRole('button', { name: 'Reveal all' });
  }

  get openPresenterButton(): Locator {
    return this.presentControls.getByRole('button', { name: 'Open presenter view' });
  }

  /** The current step's card: an event, or an inject question (`data-step="inject"`). */
  /** The room's list of the events so far, with its heading. */
  get presentSoFar(): Locator {
    return this.page.locator('.present-list');
  }

  /** The current step's row in the list of events so far. */
  get presentSoFarCurrent(): Locator {
    return this.presentSoFar.locator('[aria-current="step"]');
  }

  /** How many rows of the list of events so far are in its view whole, not cut by its edges. */
  presentSoFarWholeRows(): Promise<number> {
    return this.presentSoFar.getByRole('list').evaluate((ol) => {
      const view = ol.getBoundingClientRect();
      return [...ol.children].filter((li) => {
        const row = li.getBoundingClientRect();
        return row.top >= view.top && row.bottom <= view.bottom;
      }).length;
    });
  }

  get presentStep(): Locator {
    return this.page.locator('.present-step');
  }

  get injectCard(): Locator {
    return this.page.locator('.present-step[data-step="inject"]');
  }

  get stepTitle(): Locator {
    return this.presentStep.getByRole('heading', { level: 2 });
  }

  get timePasses(): Locator {
    return this.page.locator('.present-passes');
  }

  get speakerNotes(): Locator {
    return this.page.getByRole('region', { name: /Discussion prompts/ });
  }

  get nextUp(): Locator {
    return this.page.getByRole('region', { name: /Next step/ });
  }

  // Tabletop kit: the presenter view's capture, and the print views

  get notesField(): Locator {
    return this.page.getByRole('textbox', { name: /^(Notes|筆記)$/ });
  }

  tagBox(name: string): Locator {
    return this.page.getByRole('checkbox', { name });
  }

  /** The presenter view's session clock, "0:01:05". */
  get sessionClock(): Locator {
    return this.page.locator('.presenter-clock .mono').first();
  }

  /** The presenter view's clock of time spent on the current step. */
  get stepClock(): Locator {
    return this.page.locator('.presenter-step-clock .mono');
  }

  get pauseButton(): Locator {
    return this.page.getByRole('region', { name: 'Pacing' }).getByRole('button', { name: 'Pause' });
  }

  /** Each phase's time spent against its budget in the presenter view's agenda ("0:01:05 of 0:05:00"), in order. */
  get agendaSpent(): Locator {
    return this.page.getByRole('region', { name: 'Agenda' }).locator('li .mono');
  }

  get saveStatus(): Locator {
    return this.page.getByRole('status').filter({ hasText: /Saved|Saving|saved|儲存/ });
  }

  get afterActionButton(): Locator {
    return this.page.getByRole('button', { name: /^(After-action report|事後檢討報告)$/ });
  }

  get situationManualButton(): Locator {
    return this.page.getByRole('button', { name: /^(Situation manual|情境手冊)$/ });
  }

  /** A print view (situation manual or after-action report) as a whole. */
  get printDocument(): Locator {
    return this.page.locator('.print-document');
  }

  /** The facilitator's situation manual's modules, in order; the players' edition has none. */
  get manualModules(): Locator {
    return this.page.locator('.manual-module');
  }

  /** Each module's text without its answers: what the room knows by the module's end. */
  manualModuleTextsWithoutAnswers(): Promise<string[]> {
    return this.manualModules.evaluateAll((modules) =>
      modules.map((m) =>
        [...m.children]
          .filter((c) => !c.classList.contains('manual-answers'))
          .map((c) => (c as HTMLElement).innerText)
          .join('\n'),
      ),
    );
  }

  get titleSlide(): Locator {
    return this.page.locator('[data-step="title"]');
  }

  /** The URL's `event` and `inject` parameters: where the session is. */
  stepInUrl(): { event: string | null; inject: boolean } {
    const params = new URL(this.page.url()).searchParams;
    return { event: params.get('event'), inject: params.get('inject') === '1' };
  }

  /** Everything a viewer could find in the page: its rendered text and all its markup, attributes included. */
  async everything(): Promise<{ text: string; html: string }> {
    return this.page.evaluate(() => ({
      text: document.body.innerText,
      html: document.documentElement.outerHTML,
    }));
  }

  // The editor (edit mode).

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** A form field by its label. */
  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** Whether a field is drawn whole, its border and focus ring included: no box around it that clips cuts it off. */
  async drawnWhole(field: Locator): Promise<boolean> {
    return field.evaluate((el) => {
      // In the middle of every box that scrolls, so only what clips it, not where it is scrolled, can cut it off.
      el.scrollIntoView({ block: 'center', inline: 'center' });
      const style = getComputedStyle(el);
      const ring = Math.max(0, parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset));
      const r = el.getBoundingClientRect();
      for (let box = el.parentElement; box; box = box.parentElement) {
        if (getComputedStyle(box).overflow === 'visible') continue;
        const b = box.getBoundingClientRect();
        const left = b.left + box.clientLeft;
        const top = b.top + box.clientTop;
        if (
          r.left - ring < left - 0.5 ||
          r.top - ring < top - 0.5 ||
          r.right + ring > left + box.clientWidth + 0.5 ||
          r.bottom + ring > top + box.clientHeight + 0.5
        )
          return false;
      }
      return true;
    });
  }

  /** The header's save status of the open draft ("Saved", or why not). */
  get draftStatus(): Locator {
    return this.page.getByRole('status', { name: 'Save status' });
  }

  /** A new draft with one event, saved: its id, for the event to be changed as a test needs (setDraftEvent). */
  async draftWithOneEvent(): Promise<string> {
    await this.goto();
    await this.button('New incident').click();
    await expect(this.draftStatus).toHaveText('Saved');
    await this.button('Add event').click();
    await expect(this.draftStatus).toHaveText('Saved');
    return (await this.query()).get('draft')!;
  }

  /**
   * Changes the first event of a draft as the browser database holds it, as another version of the app or a hand
   * could have left it: a file the editor's own fields would not write.
   */
  async setDraftEvent(draftId: string, fields: Record<string, unknown>) {
    await this.page.evaluate(
      ({ id, fields }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('incident-timeline');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            // A draft's events are stored in parts (src/store/db.ts), its first event in part 0; a new `rev` tells a
            // tab that knows the draft's parts that they changed.
            const tx = open.result.transaction(['draftParts', 'draftSummaries'], 'readwrite');
            const parts = tx.objectStore('draftParts');
            const summaries = tx.objectStore('draftSummaries');
            parts.get([id, 0]).onsuccess = (e) => {
              const part = (e.target as IDBRequest<{ events: object[] }>).result;
              Object.assign(part.events[0]!, fields);
              parts.put(part);
            };
            summaries.get(id).onsuccess = (e) => {
              summaries.put({ ...(e.target as IDBRequest<object>).result, rev: 'set-by-a-test' });
            };
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      { id: draftId, fields },
    );
  }

  /** The editor's list of the draft's problems. */
  get draftProblems(): Locator {
    return this.page.getByRole('region', { name: /^(Problems|問題)$/ });
  }

  /** Fills the selected event's form: each text field typed, the times written on leaving them. */
  async fillEvent(fields: Record<string, string>) {
    for (const [label, value] of Object.entries(fields)) {
      await this.field(label).fill(value);
      await this.field(label).press('Tab');
    }
  }

  /** Double-clicks the chart's empty area at `fraction` of its width, below the items. */
  async doubleClickChart(fraction: number) {
    await this.chart.scrollIntoViewIfNeeded();
    const box = (await this.chart.locator('.vis-panel.vis-center').boundingBox())!;
    await this.page.mouse.dblclick(box.x + box.width * fraction, box.y + box.height / 2);
  }

  /** Drags an event's item sideways by `dx` pixels. */
  async dragItem(eventId: string, dx: number) {
    await this.chart.scrollIntoViewIfNeeded();
    const box = (await this.chartItem(eventId).first().boundingBox())!;
    const [x, y] = [box.x + Math.min(box.width / 2, 6), box.y + box.height / 2];
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx, y, { steps: 10 });
    await this.page.mouse.up();
  }

  /** A link under Problems, by the problem's field path. */
  problemLink(path: string): Locator {
    return this.page.getByRole('link', { name: path, exact: true });
  }

  /** The label of the field that has the focus, and the event whose form holds it. */
  async focusedField(): Promise<{ label: string; event: string }> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return {
        label: el?.labels?.[0]?.textContent ?? '',
        event: el?.closest<HTMLElement>('[data-event]')?.dataset.event ?? '',
      };
    });
  }

  /** Clicks an editor button that saves a file, and returns the file's name and text. */
  async download(name: string): Promise<{ name: string; text: string }> {
    const [file] = await Promise.all([
      this.page.waitForEvent('download'),
      this.button(name).click(),
    ]);
    const chunks: Buffer[] = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
    return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }

  /** The chart row of the lane named `label`. */
  async laneRow(label: string): Promise<Locator> {
    const labels = await this.laneLabels.allTextContents();
    const at = labels.indexOf(label);
    if (at < 0) throw new Error(`no lane ${label}: ${labels.join(', ')}`);
    return this.laneRows.nth(at);
  }

  /** The name of the lane the chart draws an event's item in; for polling, as an edit can reorder the lanes. */
  async laneOf(eventId: string): Promise<string | undefined> {
    // One read of both, so a redraw cannot fall between the lanes' names and their rows.
    return this.chart.evaluate((chart, id) => {
      const rows = [...chart.querySelectorAll('.vis-foreground .vis-group')];
      const labels = [...chart.querySelectorAll('.vis-labelset .vis-label .lane-label')];
      const at = rows.findIndex((row) => row.querySelector(`.vis-item[data-event="${id}"]`));
      return labels[at]?.textContent ?? undefined;
    }, eventId);
  }

  /** Selects an event's item by a click on its start, which also works when it is selected and draggable. */
  async selectChartItem(eventId: string) {
    const item = this.chartItem(eventId).first();
    await item.waitFor();
    const box = (await item.boundingBox())!;
    await item.click({ position: { x: Math.min(box.width / 2, 6), y: box.height / 2 } });
  }

  /** Drags an event's item down or up into the lane named `label`, ending near the time it started at. */
  async dragItemToLane(eventId: string, label: string) {
    await this.chart.scrollIntoViewIfNeeded();
    const box = (await this.chartItem(eventId).first().boundingBox())!;
    const row = (await (await this.laneRow(label)).boundingBox())!;
    // A wide item is held by its middle: its edges are the handles that change its start or end.
    const [x, y] = [box.x + (box.width > 40 ? box.width / 2 : 6), box.y + box.height / 2];
    const to = row.y + row.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    // vis-timeline starts a drag only on a sideways move: a nudge first, then back.
    await this.page.mouse.move(x + 12, y, { steps: 4 });
    await this.page.mouse.move(x + 12, to, { steps: 6 });
    await this.page.mouse.move(x, to, { steps: 4 });
    await this.page.mouse.up();
  }

  /** Drags the end handle of a selected range item sideways by `dx` pixels. */
  async dragRangeEnd(eventId: string, dx: number) {
    const handle = this.chartItem(eventId).first().locator('.vis-drag-right');
    const box = (await handle.boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx, y, { steps: 10 });
    await this.page.mouse.up();
  }

  /** Double-clicks an empty spot of the lane named `label`, at `fraction` of the chart's width. */
  async doubleClickLane(label: string, fraction: number) {
    await this.chart.scrollIntoViewIfNeeded();
    const panel = (await this.chart.locator('.vis-panel.vis-center').boundingBox())!;
    const row = (await (await this.laneRow(label)).boundingBox())!;
    await this.page.mouse.dblclick(panel.x + panel.width * fraction, row.y + row.height - 3);
  }

  /** Pastes `text` where the focus is, as the browser does for Ctrl+V with text copied from a spreadsheet. */
  async pasteText(text: string) {
    await this.page.evaluate((copied) => {
      const data = new DataTransfer();
      data.setData('text/plain', copied);
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, text);
  }

  /** The fold holding the editors of the incident's lists, indicators and languages. */
  get taxonomyToggle(): Locator {
    return this.page.locator('.taxonomy-editor > summary');
  }

  /** The box the lists editor scrolls in, under its fold. */
  get taxonomyLists(): Locator {
    return this.page.locator('.taxonomy-lists');
  }

  async openTaxonomy() {
    await this.taxonomyToggle.click();
  }

  /** One term's row, an indicator's fields, or a removal's choice in the lists editor, by its name. */
  term(name: string): Locator {
    return this.page.getByRole('group', { name, exact: true });
  }

  // The drafts list ("Open…").

  get draftsDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Drafts in this browser' });
  }

  /** The drafts list's row of the draft titled `title`. */
  draftRow(title: string): Locator {
    return this.draftsDialog
      .getByRole('listitem')
      .filter({ has: this.page.getByText(title, { exact: true }) });
  }

  /** The drafts list's note on what was just done ("Deleted “X”."), with its Undo. */
  get draftsNote(): Locator {
    return this.draftsDialog.getByRole('status');
  }

  /** Clicks a button that saves a file, anywhere in `scope`, and returns the file's name and text. */
  async downloadFrom(scope: Locator, name: string): Promise<{ name: string; text: string }> {
    const [file] = await Promise.all([
      this.page.waitForEvent('download'),
      scope.getByRole('button', { name, exact: true }).click(),
    ]);
    const chunks: Buffer[] = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
    return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }
}

/** Whether the page scrolls in either direction (an embed must not). */
export async function hasScrollbars(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.scrollingElement!;
    return el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth;
  });
}
