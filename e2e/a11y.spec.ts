import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map((v) => ({
    id: v.id,
    nodes: v.nodes.map((n) => ({
      target: n.target.join(' '),
      why: n.failureSummary?.split('\n')[1]?.trim(),
    })),
  }));
}

const VIEWS = {
  'event selected': 'event=sliver-installed',
  'filtered, others dimmed': 'event=sliver-installed&outcome=failed&dim=1',
  'links and a traced path': 'event=sliver-installed&links=1&path=1',
};

for (const mode of ['full', 'present', 'embed'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    // The dimmed view only exists in the full app; the other modes are checked with an event selected.
    for (const [view, query] of Object.entries(VIEWS).slice(0, mode === 'full' ? undefined : 1)) {
      test(`axe: no WCAG 2.1 AA violations, ${mode} mode, ${theme} theme, ${view}`, async ({
        app,
        page,
      }) => {
        // axe's colour-contrast check walks every chart item; it takes tens of seconds.
        test.setTimeout(120_000);
        await app.goto(`?${query}&theme=${theme}${mode === 'full' ? '' : `&mode=${mode}`}`);
        await expect(page.getByRole('heading', { level: 2, name: /Sliver/ })).toBeVisible();
        expect(await violations(page)).toEqual([]);
      });
    }
  }
}
