import { expect, test } from './fixtures';

// Screenshot comparisons that fail when a layout changes. Update the baselines after an intended change with
// `npx playwright test --project=chromium e2e/visual.spec.ts --update-snapshots` (see README).
const FONTS = `*, *::before, *::after { font-family: 'DejaVu Sans', 'Noto Sans CJK TC', sans-serif !important; }
code, pre, .data-source code { font-family: 'DejaVu Sans Mono', 'Noto Sans Mono CJK TC', monospace !important; }`;
// The fonts are pinned by a stylesheet injected past the page's CSP, so that a fresh machine draws the same glyphs.
test.use({ bypassCSP: true });
test.setTimeout(90_000);
const options = { maxDiffPixelRatio: 0.002, animations: 'disabled', caret: 'hide' } as const;

const views = [
  { name: 'full', query: '', size: { width: 1440, height: 900 } },
  {
    name: 'present',
    query: 'mode=present&event=soc-investigation',
    size: { width: 1440, height: 900 },
  },
  { name: 'embed', query: 'mode=embed', size: { width: 640, height: 360 } },
  { name: 'phone', query: '', size: { width: 390, height: 844 } },
];

for (const view of views)
  for (const theme of ['light', 'dark'])
    for (const lang of ['en', 'zh-Hant'])
      test(`looks as before: ${view.name}, ${theme}, ${lang}`, async ({ app }) => {
        await app.page.setViewportSize(view.size);
        await app.goto(`?${view.query}${view.query ? '&' : ''}theme=${theme}&lang=${lang}`);
        await app.page.addStyleTag({ content: FONTS });
        await app.page.waitForTimeout(400); // the chart's redraw after the fonts change
        await expect(app.page).toHaveScreenshot(`${view.name}-${theme}-${lang}.png`, options);
      });
