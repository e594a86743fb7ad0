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
  get downloadProgress(): Locator {
    return this.page.getByRole('progressbar', { name: /^(Download progress|下載進度)$/ });
  }

  get cancelLoadButton(): Locator {
    return this.page.getByRole('button', { name: /^(Cancel|取消)$/ });
  }

  /** What the page says after a load was cancelled. */
  get loadCancelled(): Locator {
    return this.page.getByRole('alert').filter({ hasText: /Loading was cancelled|已取消載入/ });
  }

  get zoomInButton(): Locator {
    return this.page.getByRole('button', { name: /^(Zoom in|放大)$/ });
  }

  /**
   * Serves `json` at `path` as a download that arrives in `chunks` pieces, `delayMs` apart, with its size declared,
   * through the page's own fetch: the route hands the body over at once, so the pacing happens in the page.
   * After `stallAfter` pieces, the download stops arriving (for a Cancel to stop it).
   */
  async serveSlowly(
    path: string,
    json: string,
    chunks: number,
    delayMs: number,
    stallAfter?: number,
  ) {
    await this.serveJson(path, json);
    await this.page.addInitScript(
      ({ path, chunks, delayMs, stallAfter }) => {
        const native = window.fetch.bind(window);
        window.fetch = async (input, init) => {
          const response = await native(input, init);
          if (!String(input).endsWith(path)) return response;
          const bytes = new Uint8Array(await response.arrayBuffer());
          const size = Math.ceil(bytes.byteLength / chunks);
          let i = 0;
          const body = new ReadableStream<Uint8Array>({
            async pull(controller) {
              if (stallAfter !== null && i >= stallAfter) return new Promise(() => undefined);
              await new Promise((resolve) => setTimeout(resolve, delayMs));
              controller.enqueue(bytes.subarray(i * size, (i + 1) * size));
              if (++i * size >= bytes.byteLength) controller.close();
            },
          });
          return new Response(body, {
            headers: {
              'content-type': 'application/json',
              'content-length': String(bytes.byteLength),
            },
          });
        };
      },
      // Infinity would not survive the trip into the page (it becomes null); null says "never stall".
      { path, chunks, delayMs, stallAfter: stallAfter ?? null },
    );
  }
}
