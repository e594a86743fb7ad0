import type { Locator } from '@playwright/test';
import { TimelinePage } from './timeline-page';

/** The timeline page with what the scale tests need: aggregates, single-event items, selection, a served file. */
export class ScalePage extends TimelinePage {
  /** Items that stand for many events in one lane and time bin. */
  get aggregates(): Locator {
    return this.chart.locator('.vis-item.it-aggregate');
  }

  /** Items that stand for one event each. */
  get eventItems(): Locator {
    return this.chart.locator('.vis-item[data-event]:not(.it-aggregate)');
  }

  get selectedItems(): Locator {
    return this.chart.locator('.vis-item.vis-selected');
  }

  /** Every item on the chart, aggregates included. */
  get allItems(): Locator {
    return this.chart.locator('.vis-item');
  }

  /** Answers requests for `path` (same origin) with `json`, so `?src=` can load a file made by the test. */
  async serveJson(path: string, json: string) {
    await this.page.route(`**/${path}`, (route) =>
      route.fulfill({ contentType: 'application/json', body: json }),
    );
  }
}
