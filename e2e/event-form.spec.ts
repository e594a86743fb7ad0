import { generateIncident } from '../bench/generate';
import { linkChoices } from '../src/model/event-edits';
import { expect, test } from './fixtures';
import type { TimelinePage } from './timeline-page';

interface Exported {
  languages: string[];
  techniques?: { id: string; name: string }[];
  events: {
    id: string;
    title: unknown;
    description: unknown;
    techniques?: string[];
    citations: unknown[];
    related?: { event: string; kind: string }[];
  }[];
}

const VALID = 'No problems: this draft is a valid incident file.';

// Each test writes a new incident through the forms, which takes a while on a loaded machine.
test.beforeEach(() => test.setTimeout(90_000));

/** A new draft with an event per title, an hour apart from 09:00, each valid. */
async function draftWith(app: TimelinePage, titles: string[]) {
  await app.goto();
  await app.button('New incident').click();
  await expect(app.draftStatus).toHaveText('Saved');
  for (const [i, title] of titles.entries()) {
    await app.button('Add event').click();
    await app.fillEvent({
      Title: title,
      Description: 'Seen in the logs.',
      'Start (UTC)': `2024-03-05 ${String(9 + i).padStart(2, '0')}:00`,
      'Where in the source': 'Shift log',
    });
  }
  await expect(app.page.getByText(VALID)).toBeVisible();
}

async function exported(app: TimelinePage): Promise<Exported> {
  return JSON.parse((await app.download('Save incident file')).text) as Exported;
}

test('an event written in English and Traditional Chinese keeps both, in the form and the exported file', async ({
  app,
}) => {
  await draftWith(app, []);
  await app.button('Add event').click();
  await app.fillEvent({
    Title: 'Alert fired',
    'Title (Traditional Chinese)': '警報觸發',
    Description: 'The SIEM alerted.',
    'Description (Traditional Chinese)': 'SIEM 發出警報。',
    'Start (UTC)': '2024-03-05 09:00',
    'Where in the source': 'Shift log',
    'Where in the source (Traditional Chinese)': '值班紀錄',
  });
  await expect(app.page.getByText(VALID)).toBeVisible();
  await expect(app.draftStatus).toHaveText('Saved');

  const file = await exported(app);
  expect(file.languages).toEqual(['en', 'zh-Hant']);
  expect(file.events).toMatchObject([
    {
      id: 'alert-fired',
      title: { en: 'Alert fired', 'zh-Hant': '警報觸發' },
      description: { en: 'The SIEM alerted.', 'zh-Hant': 'SIEM 發出警報。' },
      citations: [{ source: 'notes', locator: { en: 'Shift log', 'zh-Hant': '值班紀錄' } }],
    },
  ]);

  // In Chinese the plain fields are the Chinese ones, and English is the other language.
  await app.languageSelect.selectOption('zh-Hant');
  await expect(app.field('標題')).toHaveValue('警報觸發');
  await expect(app.field('標題(英文)')).toHaveValue('Alert fired');
});

test('a coarser precision says what it cut from the times and puts it back, as does one undo', async ({
  app,
}) => {
  await draftWith(app, ['Alert fired']);
  await app.fillEvent({ 'Start (UTC)': '2024-03-05 09:12', 'End (UTC)': '2024-03-05 10:40' });
  await app.field('Precision').selectOption('day');
  await expect(app.field('Start (UTC)')).toHaveValue('2024-03-05');
  const was = '2024-03-05 09:12 – 2024-03-05 10:40';
  await expect(app.field('Precision')).toHaveAccessibleDescription(
    `This precision leaves out the time's detail: it was ${was}.`,
  );
  // The times are cut to the day, not kept where the form no longer shows them (a problem that blocked export).
  await expect(app.page.getByText(VALID)).toBeVisible();
  await app.button(`Restore ${was} (minute precision)`).click();
  await expect(app.field('Precision')).toHaveValue('minute');
  await expect(app.field('Start (UTC)')).toHaveValue('2024-03-05 09:12');
  await expect(app.field('End (UTC)')).toHaveValue('2024-03-05 10:40');

  await app.field('Precision').selectOption('month');
  await expect(app.field('Start (UTC)')).toHaveValue('2024-03');
  await app.field('Precision').press('Control+z');
  await expect(app.field('Precision')).toHaveValue('minute');
  await expect(app.field('Start (UTC)')).toHaveValue('2024-03-05 09:12');
  await expect(app.button(`Restore ${was} (minute precision)`)).toHaveCount(0);
});

test('a technique with a bad id shows the schema message by its field; a good one is added to the event and the incident', async ({
  app,
}) => {
  await draftWith(app, ['Okta login']);
  await app.field('New technique id').fill('T10');
  await app.field('New technique name').fill('Cloud Accounts');
  await app.button('Add technique').click();
  await expect(app.field('New technique id')).toHaveAttribute('aria-invalid', 'true');
  await expect(app.field('New technique id')).toHaveAccessibleDescription(
    'expected an ATT&CK Enterprise technique id such as "T1078.004"',
  );
  await expect(app.field('ATT&CK techniques')).toHaveValues([]);

  await app.field('New technique id').fill('T1078.004');
  await app.button('Add technique').click();
  await expect(app.field('ATT&CK techniques')).toHaveValues(['T1078.004']);
  await expect(app.field('New technique id')).toHaveValue('');
  await expect(app.page.getByText(VALID)).toBeVisible();

  const file = await exported(app);
  expect(file.techniques).toEqual([{ id: 'T1078.004', name: 'Cloud Accounts' }]);
  expect(file.events[0]!.techniques).toEqual(['T1078.004']);
});

test('a refused technique is said in Chinese by its field in zh-Hant', async ({ app }) => {
  await draftWith(app, ['Okta login']);
  await app.languageSelect.selectOption('zh-Hant');
  await app.field('新技術編號').fill('T10');
  await app.field('新技術名稱').fill('Cloud Accounts');
  await app.button('加入技術').click();
  await expect(app.field('新技術編號')).toHaveAttribute('aria-invalid', 'true');
  await expect(app.field('新技術編號')).toHaveAccessibleDescription(
    '應為 ATT&CK Enterprise 技術編號,例如「T1078.004」',
  );
  // zod's own problem with the name is said by zod's Chinese locale.
  await app.field('新技術編號').fill('T1078.004');
  await app.field('新技術名稱').fill(' ');
  await app.button('加入技術').click();
  await expect(app.field('新技術名稱')).toHaveAttribute('aria-invalid', 'true');
  await expect(app.field('新技術名稱')).toHaveAccessibleDescription(/^數值過小/);
});

test('links added by keyboard show both ways, as arrows with Links on and in the exported file; a cycle is refused', async ({
  app,
  page,
}) => {
  await draftWith(app, ['Phishing email', 'Attacker logged in', 'Alert fired']);

  /** Links the selected event to the event titled `title`. */
  const link = async (title: string, kind: string) => {
    await app.field('Linked event').fill(title);
    await app.field('Kind of link').selectOption(kind);
    await app.button('Add link').click();
  };

  // By keyboard alone: the title typed, Tab past the kind (led to), Tab to Add link, Enter.
  await app.clickChartItem('phishing-email');
  await app.field('Linked event').focus();
  await page.keyboard.type('Attacker logged in');
  await page.keyboard.press('Tab');
  await expect(app.field('Kind of link')).toBeFocused();
  await expect(app.field('Kind of link')).toHaveValue('led-to');
  await page.keyboard.press('Tab');
  await expect(app.button('Add link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.button('Remove link: Attacker logged in (led to)')).toBeVisible();

  await app.clickChartItem('alert-fired');
  await link('Attacker logged in', 'detected');
  await app.clickChartItem('attacker-logged-in');
  await expect(app.button('Remove link: Phishing email (led to)')).toBeVisible();
  await expect(app.button('Remove link: Alert fired (detected)')).toBeVisible();
  await link('Alert fired', 'enabled');
  await expect(app.button('Remove link: Alert fired (enabled)')).toBeVisible();

  // Alert fired -> Phishing email would close phishing -> attacker -> alert -> phishing.
  await app.clickChartItem('alert-fired');
  await link('Phishing email', 'led-to');
  await expect(page.getByRole('status').filter({ hasText: 'Not linked' })).toHaveText(
    'Not linked: the led-to and enabled links form a cycle: "phishing-email" → "attacker-logged-in" → "alert-fired" → "phishing-email"; expected no event to lead to itself',
  );
  await expect(app.field('Linked event')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(VALID)).toBeVisible();

  await app.linksToggle.check();
  await expect
    .poll(async () => (await app.arrows()).map((a) => `${a.from} ${a.to} ${a.style}`).sort())
    .toEqual([
      'alert-fired attacker-logged-in detection',
      'attacker-logged-in alert-fired chain',
      'phishing-email attacker-logged-in chain',
    ]);

  const file = await exported(app);
  expect(Object.fromEntries(file.events.map((e) => [e.id, e.related]))).toEqual({
    'phishing-email': [{ event: 'attacker-logged-in', kind: 'led-to' }],
    'attacker-logged-in': [{ event: 'alert-fired', kind: 'enabled' }],
    'alert-fired': [{ event: 'attacker-logged-in', kind: 'detected' }],
  });

  // Removed from the other end, a link goes from the arrows too.
  await app.clickChartItem('attacker-logged-in');
  await app.button('Remove link: Alert fired (detected)').click();
  await expect
    .poll(async () => (await app.arrows()).map((a) => `${a.from} ${a.to} ${a.style}`).sort())
    .toEqual(['attacker-logged-in alert-fired chain', 'phishing-email attacker-logged-in chain']);
});

test('a problem link selects its event and focuses the exact field, by mouse and by keyboard', async ({
  app,
  page,
}) => {
  await draftWith(app, ['Alert fired', 'Token revoked']);
  // The event added last is the one selected.
  await app.field('Where in the source').fill('');
  await app.clickChartItem('alert-fired');
  await app.button('Add citation').click();
  await expect(page.getByText('2 problems to fix before export or present')).toBeVisible();

  // The form shows Alert fired; the link opens Token revoked at its emptied locator.
  await app.problemLink('events[1].citations[0].locator').click();
  await expect
    .poll(() => app.focusedField())
    .toEqual({
      label: 'Where in the source',
      event: 'token-revoked',
    });
  expect((await app.query()).get('event')).toBe('token-revoked');

  await app.problemLink('events[0].citations[1].locator').focus();
  await page.keyboard.press('Enter');
  await expect
    .poll(() => app.focusedField())
    .toEqual({
      label: 'Where in the source 2',
      event: 'alert-fired',
    });
  await page.keyboard.type('Page 2');
  await expect(page.getByText('1 problem to fix before export or present')).toBeVisible();
});

test('at 1,000 events a link is picked by its title and exported', async ({ app, page }) => {
  const file = generateIncident(1000, 1);
  await page.route('**/thousand.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(file) }),
  );
  const [from, to] = [file.events[500]!, file.events[501]!];
  await app.goto(`?src=thousand.json&event=${from.id}`);
  await app.button('Edit').click();
  await expect(app.draftStatus).toHaveText('Saved');
  const label = linkChoices(file, 'en').find((c) => c.id === to.id)!.label;
  await app.field('Linked event').fill(label);
  // The field offers the events whose title holds what is typed, not all 1,000.
  const offered = page.locator('datalist option');
  await expect(offered.first()).toHaveAttribute('value', label);
  expect(await offered.count()).toBeLessThan(50);
  await app.field('Linked event').fill('');
  await expect(offered).toHaveCount(50);
  await app.field('Linked event').fill(label);
  await app.field('Kind of link').selectOption('responded-to');
  await app.button('Add link').click();
  await expect(app.button(`Remove link: ${label} (responded to)`)).toBeVisible();
  const file2 = JSON.parse((await app.download('Save incident file')).text) as Exported;
  expect(file2.events.find((e) => e.id === from.id)!.related).toContainEqual({
    event: to.id,
    kind: 'responded-to',
  });
});

test('when the first event is complete and appears on the chart, the form keeps the focus and what is typed', async ({
  app,
  page,
}) => {
  await app.goto();
  await app.button('New incident').click();
  await expect(app.draftStatus).toHaveText('Saved');
  await app.button('Add event').click();
  await app.fillEvent({
    Title: 'Okta login',
    Description: 'Seen in the logs.',
    'Start (UTC)': '2024-03-05 09:00',
    'Where in the source': 'Shift log',
  });
  // Typed at once, while the chart has not yet drawn the event the form has just completed.
  await app.field('New technique id').fill('T1078');
  await expect.poll(() => app.drawnEventIds()).toEqual(['okta-login']);
  await expect(app.field('New technique id')).toBeFocused();
  await page.keyboard.type('.004');
  await expect(app.field('New technique id')).toHaveValue('T1078.004');
});
