import type { Page } from '@playwright/test';
import type { Placement, StepTiming } from '../bench/vis-update-page';

/** The harness page of bench/vis-update.html: a plain vis-timeline, to test the patched library apart from the app. */
export class VisHarnessPage {
  constructor(readonly page: Page) {}

  /**
   * Opens the page on the incident at `src` and draws `shown` items, stacked unless `stack` is false; with
   * `maxHeight`, the lanes scroll inside a chart that high.
   */
  async open(
    base: string,
    src: string,
    shown: number,
    { stack = true, maxHeight }: { stack?: boolean; maxHeight?: number } = {},
  ) {
    const params = `${stack ? '' : '&stack=0'}${maxHeight ? `&maxHeight=${maxHeight}` : ''}`;
    await this.page.goto(`${base}/vis-update.html?src=${src}${params}`);
    await this.page.waitForFunction(() => window.__visUpdate !== undefined);
    await this.page.evaluate((n) => window.__visUpdate!.setup(n), shown);
  }

  replace(count: number): Promise<StepTiming> {
    return this.page.evaluate((n) => window.__visUpdate!.replace(n), count);
  }

  restyle(count: number): Promise<StepTiming> {
    return this.page.evaluate((n) => window.__visUpdate!.restyle(n), count);
  }

  relabel(count: number): Promise<StepTiming> {
    return this.page.evaluate((n) => window.__visUpdate!.relabel(n), count);
  }

  readsDuringReplace(count: number): Promise<('lane' | 'label' | 'item')[][]> {
    return this.page.evaluate((n) => window.__visUpdate!.readsDuringReplace(n), count);
  }

  zoom(factor: number): Promise<void> {
    return this.page.evaluate((f) => window.__visUpdate!.zoom(f), factor);
  }

  axisChanges(): Promise<number> {
    return this.page.evaluate(() => window.__visUpdate!.axisChanges());
  }

  axisLabels(): Promise<{ text: string; left: number }[]> {
    return this.page.evaluate(() => window.__visUpdate!.axisLabels());
  }

  placements(): Promise<Record<string, Placement>> {
    return this.page.evaluate(() => window.__visUpdate!.placements());
  }

  freshPlacements(): Promise<Record<string, Placement>> {
    return this.page.evaluate(() => window.__visUpdate!.freshPlacements());
  }

  firstDrawAdded(): Promise<{ items: number; lanes: number }> {
    return this.page.evaluate(() => window.__visUpdate!.firstDrawAdded());
  }

  lanesWithItems(): Promise<number> {
    return this.page.evaluate(() => window.__visUpdate!.lanesWithItems());
  }

  misplaced(): Promise<string[]> {
    return this.page.evaluate(() => window.__visUpdate!.misplaced());
  }

  /** How many times Chromium laid out the page while `step` ran. */
  async layoutsDuring(step: () => Promise<unknown>): Promise<number> {
    const cdp = await this.page.context().newCDPSession(this.page);
    await cdp.send('Performance.enable');
    const count = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'LayoutCount')!
        .value;
    const before = await count();
    await step();
    const after = await count();
    await cdp.detach();
    return after - before;
  }
}
