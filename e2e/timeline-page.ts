import type { Locator, Page } from '@playwright/test';

/** The one place that knows the app's markup, including vis-timeline's class names. */
export class TimelinePage {
  constructor(readonly page: Page) {}

  async goto(query = '') {
    await this.page.goto(`./${query}`);
    await this.waitForReady();
  }

  async waitForReady() {
    await this.page.waitForFunction(() => performance.getEntriesByName('incident:ready').length > 0);
  }

  readyMarks() {
    return this.page.evaluate(() => performance.getEntriesByName('incident:ready').length);
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  get chart(): Locator {
    return this.page.locator('.timeline-chart');
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
    const ids = await this.chartItems.evaluateAll((els) => els.map((e) => e.getAttribute('data-event') ?? ''));
    return [...new Set(ids)].sort();
  }

  get axisLabels(): Locator {
    return this.chart.locator('.vis-time-axis .vis-text:not(.vis-measure)');
  }

  get tooltip(): Locator {
    return this.chart.locator('.vis-tooltip');
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

  metric(id: string): Locator {
    return this.page.locator(`[data-metric="${id}"]`);
  }

  get speakerNotes(): Locator {
    return this.page.getByRole('region', { name: /Speaker notes/ });
  }

  get nextUp(): Locator {
    return this.page.getByRole('region', { name: /Next step/ });
  }

  /** The URL's `event` and `inject` parameters: where the session is. */
  stepInUrl(): { event: string | null; inject: boolean } {
    const params = new URL(this.page.url()).searchParams;
    return { event: params.get('event'), inject: params.get('inject') === '1' };
  }

  /** Everything a viewer could find in the page: its rendered text and all its markup, attributes included. */
  async everything(): Promise<{ text: string; html: string }> {
    return this.page.evaluate(() => ({ text: document.body.innerText, html: document.documentElement.outerHTML }));
  }
}
