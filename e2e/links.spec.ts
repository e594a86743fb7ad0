import { bundled, expect, test } from './fixtures';

const matches = (
  filters: Partial<Record<'phase' | 'system' | 'actor' | 'action' | 'outcome', string[]>>,
) =>
  bundled.events.filter(
    (e) =>
      (!filters.phase || filters.phase.includes(e.phase)) &&
      (!filters.system || e.systems.some((s) => filters.system!.includes(s))) &&
      (!filters.actor || filters.actor.includes(e.actor)) &&
      (!filters.action || filters.action.includes(e.action)) &&
      (!filters.outcome || filters.outcome.includes(e.outcome)),
  );

test('a deep link restores exactly its view, and again after reload', async ({ app }) => {
  const link =
    '?phase=containment,detection&system=jira&q=account&event=smartsheet-account-disabled&group=phase&from=2023-11-23T15:00:00Z&to=2023-11-23T22:00:00Z';
  const text = (e: (typeof bundled.events)[number]) =>
    JSON.stringify([
      e.title,
      (e as unknown as { description: unknown }).description,
      e.systems,
    ]).toLowerCase();
  const expected = matches({ phase: ['containment', 'detection'], system: ['jira'] }).filter((e) =>
    text(e).includes('account'),
  );
  expect(expected.map((e) => e.id)).toContain('smartsheet-account-disabled');
  for (const step of ['load', 'reload']) {
    if (step === 'load') await app.goto(link);
    else {
      await app.page.reload();
      await app.waitForReady();
    }
    await expect(app.summary).toHaveText(`${expected.length} of ${bundled.events.length} events`);
    await expect(app.listRows).toHaveCount(expected.length);
    await expect(app.search).toHaveValue('account');
    await expect(app.facetOption('Phase', 'Containment').getByRole('checkbox')).toBeChecked();
    await expect(app.facetOption('System', 'Atlassian Jira').getByRole('checkbox')).toBeChecked();
    await expect(app.selectedRow).toHaveAttribute('data-event', 'smartsheet-account-disabled');
    await expect(app.groupSelect).toHaveValue('phase');
    await expect(app.axisLabels.filter({ hasText: /^16:00$/ })).toHaveCount(1);
    await expect(app.listRows.first().locator('mark').first()).toHaveText(/account/i);
    expect(app.page.url()).toContain(link);
  }
});

test('Back and Forward step through filter changes', async ({ app }) => {
  await app.goto();
  await app.facetOption('Phase', 'Containment').getByRole('checkbox').check();
  await expect(app.summary).toHaveText(
    `${matches({ phase: ['containment'] }).length} of ${bundled.events.length} events`,
  );
  await app.facetOption('Outcome', 'Failed').getByRole('checkbox').check();
  await expect(app.summary).toHaveText(
    `${matches({ phase: ['containment'], outcome: ['failed'] }).length} of ${bundled.events.length} events`,
  );
  await app.page.goBack();
  await expect(app.summary).toHaveText(
    `${matches({ phase: ['containment'] }).length} of ${bundled.events.length} events`,
  );
  expect((await app.query()).get('outcome')).toBeNull();
  await app.page.goBack();
  await expect(app.summary).toHaveText(
    `${bundled.events.length} of ${bundled.events.length} events`,
  );
  await app.page.goForward();
  await expect(app.summary).toHaveText(
    `${matches({ phase: ['containment'] }).length} of ${bundled.events.length} events`,
  );
  await expect(app.facetOption('Phase', 'Containment').getByRole('checkbox')).toBeChecked();
});

test('facet counts match the data file for a combination of filters', async ({ app }) => {
  await app.goto('?actor=threat-actor&outcome=failed');
  const shown = matches({ actor: ['threat-actor'], outcome: ['failed'] });
  await expect(app.summary).toHaveText(`${shown.length} of ${bundled.events.length} events`);
  // An option's count is what it would show given the other facets: for a system, actor AND outcome apply.
  const okta = matches({ actor: ['threat-actor'], outcome: ['failed'], system: ['okta'] }).length;
  expect(await app.facetCount('System', 'Okta')).toBe(okta);
  // Within the outcome facet itself, only the actor applies.
  expect(await app.facetCount('Outcome', 'Succeeded')).toBe(
    matches({ actor: ['threat-actor'], outcome: ['succeeded'] }).length,
  );
  expect(await app.facetCount('Actor', 'Cloudflare SOC')).toBe(
    matches({ actor: ['cloudflare-soc'], outcome: ['failed'] }).length,
  );
});

test('clearing everything returns every event, and a detail chip filters to it', async ({
  app,
}) => {
  await app.goto('?event=sliver-installed');
  await app.details.getByRole('button', { name: 'Show only Atlassian Jira' }).click();
  await expect(app.summary).toHaveText(
    `${matches({ system: ['jira'] }).length} of ${bundled.events.length} events`,
  );
  await app.page.getByRole('button', { name: 'Clear all' }).click();
  await expect(app.summary).toHaveText(
    `${bundled.events.length} of ${bundled.events.length} events`,
  );
});

test('dimming keeps filtered-out events on the chart, greyed', async ({ app }) => {
  // The whole span, so that every event is in the window once dimmed ones are drawn.
  await app.goto('?group=none&phase=containment&from=2023-10-15&to=2024-02-05');
  const total = bundled.events.length;
  expect((await app.drawnEventIds()).length).toBe(matches({ phase: ['containment'] }).length);
  await app.toggle('Dim filtered-out events').check();
  await expect.poll(async () => (await app.drawnEventIds()).length).toBe(total);
  await expect(app.chart.locator('.vis-item.it-dimmed[data-event="sliver-installed"]')).toHaveCount(
    1,
  );
});

test('an invalid link shows a notice and the default view', async ({ app }) => {
  await app.goto(
    '?phase=containment,no-such-phase&event=no-such-event&group=sideways&from=yesterday&to=2023-11-24',
  );
  await expect(app.notice).toContainText('phase=no-such-phase');
  await expect(app.notice).toContainText('event=no-such-event');
  await expect(app.notice).toContainText('group (malformed)');
  await expect(app.notice).toContainText('from (malformed)');
  await expect(app.groupSelect).toHaveValue('system');
  await expect(app.summary).toHaveText(
    `${matches({ phase: ['containment'] }).length} of ${bundled.events.length} events`,
  );
  await expect(app.selectedRow).toHaveCount(0);
});

test('the notice for an invalid link is all in the UI language', async ({ app }) => {
  await app.goto('?lang=zh-Hant&group=sideways&phase=no-such-phase');
  await expect(app.notice).toHaveText(
    '此連結中的部分內容已被忽略:phase=no-such-phase, group(格式錯誤)。關閉',
  );
});

test('"Copy link" copies the current URL', async ({ app, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.goto('?phase=detection');
  await app.page.getByRole('button', { name: 'Copy link' }).click();
  expect(await app.page.evaluate(() => navigator.clipboard.readText())).toBe(app.page.url());
});

test('panning the chart replaces the history entry instead of adding one', async ({ app }) => {
  await app.goto('?group=none');
  const length = await app.page.evaluate(() => history.length);
  await app.panChart(-200);
  await expect.poll(async () => (await app.query()).get('from')).not.toBeNull();
  expect(await app.page.evaluate(() => history.length)).toBe(length);
});
