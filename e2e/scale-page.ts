import type { Locator } from '@playwright/test';
import { TimelinePage } from './timeline-page';

/** The timeline page with what the scale tests need: aggregates, single-event items, selection, a served file. */
export class ScalePage extends TimelinePage {
  /** Items that stand for many events in one lane and time bin. */
  get aggregates(): Locator {
    return this.chart.locator('.vis-item.it-aggregate');
  }

  /**
   * In lanes drawn as aggregates only (an event drawn on its own may rightly push one down), the pairs of aggregates
   * where one ends as the other begins, and how many of them sit on different rows.
   */
  touchingAggregates(): Promise<{ pairs: number; apart: number }> {
    return this.aggregates.evaluateAll((items) => {
      const boxes = items
        .map((el) => ({ lane: el.parentElement!, box: el.getBoundingClientRect() }))
        .filter(({ lane }) => !lane.querySelector('.vis-item[data-event]'));
      let pairs = 0;
      let apart = 0;
      for (const a of boxes)
        for (const b of boxes) {
          if (a === b || a.lane !== b.lane || Math.abs(a.box.right - b.box.left) > 1) continue;
          pairs++;
          if (Math.abs(a.box.top - b.box.top) > 1) apart++;
        }
      return { pairs, apart };
    });
  }

  /** How many pairs of items in one lane (phase bands aside) overlap on screen, by more than half a pixel each way. */
  overlappingItems(): Promise<number> {
    return this.chart.locator('.vis-item:not(.vis-background)').evaluateAll((items) => {
      const boxes = items.map((el) => ({
        lane: el.parentElement,
        box: el.getBoundingClientRect(),
      }));
      let overlaps = 0;
      boxes.forEach((a, i) =>
        boxes.slice(i + 1).forEach((b) => {
          const across = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
          const down = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
          if (a.lane === b.lane && across > 0.5 && down > 0.5) overlaps++;
        }),
      );
      return overlaps;
    });
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

  /** The loading progress shown while a file opened from this computer is read ("Checking 62,000 events…"). */
  get openingStatus(): Locator {
    return this.page.getByRole('status').filter({ hasText: /Opening|Reading|Checking|Receiving/ });
  }

  /** The first option of the filter panel's first facet. */
  get firstFacetOption(): Locator {
    return this.page.locator('.filters .facet input[type="checkbox"]').first();
  }

  /** Counts the Web Workers the page starts, from before its first script runs. */
  async countWorkers() {
    await this.page.addInitScript(() => {
      const Native = window.Worker;
      const started = { count: 0 };
      (window as unknown as { __workers: typeof started }).__workers = started;
      window.Worker = class extends Native {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          started.count++;
        }
      };
    });
    return () =>
      this.page.evaluate(
        () => (window as unknown as { __workers: { count: number } }).__workers.count,
      );
  }

  /** Answers requests for `path` (same origin) with `json`, so `?src=` can load a file made by the test. */
  async serveJson(path: string, json: string) {
    await this.page.route(`**/${path}`, (route) =>
      route.fulfill({ contentType: 'application/json', body: json }),
    );
  }

  /** The bar showing bytes received of the file's size while it downloads. */
  /** The load status while the file downloads ("Downloading: 32.4 MiB of 99.5 MiB, 24,000 events read"). */
  get downloadStatus(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Downloading' });
  }

  get downloadProgress(): Locator {
    return this.page.getByRole('progressbar', { name: /^(Download progress|下載進度)$/ });
  }

  get zoomInButton(): Locator {
    return this.page.getByRole('button', { name: /^(Zoom in|放大)$/ });
  }

  /**
   * Answers requests for `path` (same origin) from `url`, another server, without the page seeing the switch: the
   * body streams from that server's socket through the browser's own network stack, not through the test protocol.
   */
  async serveFrom(path: string, url: string) {
    await this.page.route(`**/${path}`, (route) => route.continue({ url }));
  }
}
