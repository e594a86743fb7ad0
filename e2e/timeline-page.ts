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

  /** Hovers an event's label on the chart (the item's middle may lie under a background panel), opening its tooltip. */
  async hoverItem(eventId: string) {
    await this.chartItem(eventId).first().locator('.vis-item-content').hover();
  }

  get axisLabels(): Locator {
    return this.chart.locator('.vis-time-axis .vis-text:not(.vis-measure)');
  }

  get tooltip(): Locator {
    return this.chart.locator('.vis-tooltip');
  }
}
