import AxeBuilder from '@axe-core/playwright';
import { bundled, expect, test } from './fixtures';

const recon = bundled.events.filter((e) => e.phase === 'reconnaissance');
const initial = bundled.events.filter((e) => e.phase === 'initial-access');

test.describe('the lists editor', () => {
  test.beforeEach(async ({ app }) => {
    test.setTimeout(120_000);
    await app.goto();
    await app.button('Edit').click();
    await expect(app.draftStatus).toHaveText('Saved');
  });

  test('a system added in the lists is assigned to an event, and a phase in use is removed only by moving its events', async ({
    app,
  }) => {
    await app.openTaxonomy();
    await app.field('New system name').fill('Okta tenant');
    await app.button('Add system').click();
    // The id comes from the name; "okta" is taken by the bundled incident's own system.
    await expect(app.term('okta-tenant')).toContainText('0 events');

    await app.clickChartItem('sliver-installed');
    await app.field('Systems').selectOption(['atlassian-server', 'okta-tenant']);
    await expect(app.term('okta-tenant')).toContainText('1 event');
    await expect(app.draftStatus).toHaveText('Saved');

    const reconRow = app.term('reconnaissance');
    await expect(reconRow).toContainText(`${recon.length} events`);
    await app.button('Remove “Reconnaissance”').click();
    const choice = app.term('Remove “Reconnaissance”');
    await expect(choice).toContainText(`“Reconnaissance” is used by ${recon.length} events.`);
    await choice.getByLabel(`Move its ${recon.length} events to`).selectOption('initial-access');
    await choice.getByRole('button', { name: 'Move and remove' }).click();
    await expect(reconRow).toHaveCount(0);
    await expect(app.term('initial-access')).toContainText(
      `${recon.length + initial.length} events`,
    );
    await app.clickChartItem(recon[0]!.id);
    await expect(app.field('Phase')).toHaveValue('initial-access');
    await expect(
      app.page.getByText('No problems: this draft is a valid incident file.'),
    ).toBeVisible();

    await app.button('Undo').click();
    await expect(reconRow).toContainText(`${recon.length} events`);
    await expect(app.field('Phase')).toHaveValue('reconnaissance');
    await expect(app.draftStatus).toHaveText('Saved');
  });

  test('a system that is some event’s only one cannot just be taken off them', async ({ app }) => {
    await app.openTaxonomy();
    await app.button('Remove “Okta”').click();
    const choice = app.term('Remove “Okta”');
    await expect(choice).toContainText('Some of its events have no other system');
    await expect(choice.getByRole('button', { name: 'Remove it from them' })).toHaveCount(0);
    await choice.getByRole('button', { name: 'Cancel' }).click();
    await expect(app.term('okta')).toBeVisible();
  });

  test('an indicator’s defanged form derives from its value and the reverse; hostile text stays text', async ({
    app,
    page,
  }) => {
    await app.openTaxonomy();
    await app.field('New indicator value').fill('203.0.113.5');
    await app.button('Add indicator').click();
    const ind = app.term('203-0-113-5');
    await expect(ind.getByLabel('Defanged')).toHaveValue('203[.]0[.]113[.]5');
    await expect(ind.getByLabel('Type')).toHaveValue('ipv4');
    // The schema asks for what a new indicator lacks.
    const problem = page.getByRole('link', { name: 'indicators[4].description' });
    await expect(problem).toBeVisible();
    // Its link opens the folded lists and focuses the field.
    await app.taxonomyToggle.click();
    await expect(ind.getByLabel('What it is')).toBeHidden();
    await problem.click();
    await expect(ind.getByLabel('What it is')).toBeFocused();

    await ind.getByLabel('Defanged').fill('hxxps[://]evil[.]example/a');
    await expect(ind.getByLabel('Value')).toHaveValue('https://evil.example/a');

    const hostile = '<img src=x onerror="window.__pwned=1">';
    await ind.getByLabel('Value').fill(hostile);
    await expect(ind.getByLabel('Defanged')).toHaveValue(
      '<img src=x onerror="window[.]__pwned=1">',
    );
    await ind.getByLabel('What it is').fill(hostile);
    await expect(app.draftStatus).toHaveText('Saved');
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page.locator('.taxonomy-editor img')).toHaveCount(0);
  });

  test('each indicator lists every event once the lists are unfolded, those it was seen in chosen', async ({
    app,
  }) => {
    const indicators = bundled.indicators as { id: string; events: string[] }[];
    expect(indicators.length).toBeGreaterThan(1);
    // Folded, no indicator holds a list of every event: at 100,000 events those froze the page on Edit.
    const lists = app.page.locator('.taxonomy-editor .indicator select[multiple]');
    await expect(lists).toHaveCount(indicators.length);
    await expect(lists.locator('option')).toHaveCount(0);
    await app.openTaxonomy();
    for (const ind of indicators) {
      const events = app.term(ind.id).getByLabel('Events');
      await expect(events.locator('option')).toHaveCount(bundled.events.length);
      const chosen = await events.evaluate((s) =>
        [...(s as HTMLSelectElement).selectedOptions].map((o) => o.value),
      );
      expect(chosen.sort()).toEqual([...ind.events].sort());
    }
  });

  test('a language is added when its tag is known, and removing one says what text it drops', async ({
    app,
  }) => {
    await app.openTaxonomy();
    await app.field('Language tag').fill('zh-Hant-TW');
    // It sits at the scrolling lists' edge, which used to cut off its border and focus ring.
    expect(await app.drawnWhole(app.field('Language tag'))).toBe(true);
    await app.field('Language tag').fill('english');
    await app.button('Add language').click();
    await expect(app.page.getByRole('alert')).toContainText('“english” is not a language tag');
    await app.field('Language tag').fill('fr');
    await app.button('Add language').click();
    await expect(app.button('Remove fr')).toBeVisible();
    // No text is written in French yet, so it goes without asking.
    await app.button('Remove fr').click();
    await expect(app.button('Remove fr')).toHaveCount(0);

    await app.button('Remove zh-Hant').click();
    const confirm = app.term('Remove zh-Hant');
    await expect(confirm).toContainText(/Removing zh-Hant drops its text from \d+ fields/);
    await confirm.getByRole('button', { name: 'Remove zh-Hant and its text' }).click();
    await expect(app.button('Remove zh-Hant')).toHaveCount(0);
    await expect(app.button('Remove en')).toBeDisabled();
    await app.button('Undo').click();
    await expect(app.button('Remove zh-Hant')).toBeVisible();
  });

  test('a system or actor named like one in its list is refused, in English and Chinese, and a rename to one is flagged', async ({
    app,
  }) => {
    await app.openTaxonomy();
    await app.field('New system name').fill(' okta');
    const taken =
      '“okta” is already in this list (okta): give this one another name, or use that one.';
    await expect(app.page.getByRole('alert')).toHaveText(taken);
    await expect(app.field('New system name')).toHaveAttribute('aria-invalid', 'true');
    await expect(app.button('Add system')).toBeDisabled();
    await app.field('New system name').press('Enter');
    await expect(app.term('okta-2')).toHaveCount(0);
    await app.field('New system name').fill('Okta tenant');
    await expect(app.button('Add system')).toBeEnabled();
    await app.button('Add system').click();
    await expect(app.term('okta-tenant')).toBeVisible();

    // Renaming one to another's name cannot be refused keystroke by keystroke: it is flagged until changed.
    const name = app.term('okta-tenant').getByLabel('Name', { exact: true });
    await name.fill('OKTA');
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAccessibleDescription(
      '“OKTA” is already in this list (okta): give this one another name, or use that one.',
    );
    await name.fill('Okta tenant');
    await expect(name).not.toHaveAttribute('aria-invalid', 'true');

    // With the form at the bottom of the lists' scrolling box, the message below it is scrolled into view.
    await app.field('New actor name').evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await app.field('New actor name').fill('Threat actor');
    // Not quite 1: the box scrolls by whole pixels and its bottom edge is the page's.
    await expect(app.page.getByRole('alert')).toBeInViewport({ ratio: 0.9 });
    await app.field('New actor name').fill('');

    await app.languageSelect.selectOption('zh-Hant');
    await app.field('新行為者名稱').fill('威脅行為者');
    await expect(app.page.getByRole('alert')).toHaveText(
      '「威脅行為者」已在此清單中(threat-actor):請換一個名稱,或使用既有的那一個。',
    );
    await expect(app.button('新增行為者')).toBeDisabled();
  });

  test('by keyboard alone: add a phase, move it earlier, remove the old one moving its event, undo', async ({
    app,
    page,
  }) => {
    await app.button('New incident').focus();
    await page.keyboard.press('Enter');
    await expect(app.button('Add event')).toBeEnabled();
    await app.button('Add event').focus();
    await page.keyboard.press('Enter');
    await expect(app.field('Phase')).toHaveValue('incident');

    await app.taxonomyToggle.focus();
    await page.keyboard.press('Enter');
    await app.field('New phase name').focus();
    await page.keyboard.type('Containment');
    await page.keyboard.press('Enter');
    await expect(app.term('containment')).toBeVisible();

    await app.button('Move “Containment” earlier').focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() =>
        page
          .locator('.term-list')
          .first()
          .getByRole('group')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label'))),
      )
      .toEqual(['containment', 'incident']);

    await app.button('Remove “Incident”').focus();
    await page.keyboard.press('Enter');
    const choice = app.term('Remove “Incident”');
    // The choice opens with focus on where the events go; the only other phase is offered.
    await expect(choice.getByLabel('Move its event to')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(choice.getByRole('button', { name: 'Move and remove' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(app.term('incident')).toHaveCount(0);
    await expect(app.field('Phase')).toHaveValue('containment');

    await page.keyboard.press('Control+z');
    await expect(app.term('incident')).toBeVisible();
    await expect(app.field('Phase')).toHaveValue('incident');
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe: no WCAG 2.1 AA violations in the lists editor, ${theme} theme, with a removal choice and a problem`, async ({
    app,
    page,
  }) => {
    // A loaded two-core machine redraws the chart and runs axe slowly; a violation still fails.
    test.setTimeout(240_000);
    await app.goto(`?theme=${theme}`);
    await app.button('Edit').click();
    await expect(app.draftStatus).toHaveText('Saved');
    await app.openTaxonomy();
    await app.field('ATT&CK id of the technique to list').fill('T12');
    await app.field('Name of the technique to list').fill('Not a technique');
    await app.button('Add to the techniques list').click();
    await expect(page.getByRole('link', { name: /^techniques\[\d+\]\.id$/ })).toBeVisible();
    await app.button('Remove “Reconnaissance”').click();
    await expect(app.term('Remove “Reconnaissance”')).toBeVisible();
    // The rest of edit mode is checked by a11y.spec.ts; axe over the chart's many nodes is the slow part.
    const results = await new AxeBuilder({ page })
      .include('.taxonomy-editor')
      .include('.draft-problems')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(
      results.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) })),
    ).toEqual([]);
  });
}
