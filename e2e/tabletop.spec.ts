import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { marked } from 'marked';
import { bundled, expect, test, type DataEvent } from './fixtures';
import { TimelinePage } from './timeline-page';

type Text = { en: string; 'zh-Hant': string };
type Event = DataEvent & { description: Text; presentText?: Text };
const events = bundled.events as Event[];
const byId = new Map(events.map((e) => [e.id, e]));

async function axe(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target) }));
}

async function openPresenter(app: TimelinePage, context: BrowserContext) {
  const [popup] = await Promise.all([
    context.waitForEvent('page'),
    app.openPresenterButton.click(),
  ]);
  const presenter = new TimelinePage(popup);
  await expect(presenter.page.getByRole('heading', { name: 'Presenter view' })).toBeVisible();
  return presenter;
}

const answer = (n: number) => `Step ${n}: the room says "rotate *every* key" | owner <Dana> & SOC.`;
const TAGGED: Record<number, string> = { 1: 'Gap', 2: 'Strength', 3: 'Follow-up', 5: 'Gap' };

test('a facilitator notes five steps, reloads both windows, finds the notes and downloads the after-action report', async ({
  app,
  context,
}) => {
  test.setTimeout(90_000);
  await app.gotoPresent();
  const presenter = await openPresenter(app, context);
  for (let n = 1; n <= 5; n++) {
    await presenter.nextButton.click();
    await expect(presenter.page.locator('.present-counter')).toHaveText(`Step ${n} of 50`);
    await presenter.notesField.fill(answer(n));
    if (TAGGED[n]) await presenter.tagBox(TAGGED[n]).check();
  }
  await expect(presenter.saveStatus).toHaveText('Saved in this browser');
  await expect.poll(() => app.stepInUrl()).toEqual(presenter.stepInUrl());

  await Promise.all([app.page.reload(), presenter.page.reload()]);
  await expect(presenter.notesField).toHaveValue(answer(5));
  for (let n = 4; n >= 1; n--) {
    await presenter.previousButton.click();
    await expect(presenter.notesField).toHaveValue(answer(n));
    await expect(presenter.tagBox('Gap')).toBeChecked({ checked: TAGGED[n] === 'Gap' });
  }

  await presenter.afterActionButton.click();
  const [download] = await Promise.all([
    presenter.page.waitForEvent('download'),
    presenter.page.getByRole('button', { name: 'Download Markdown' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.md$/);
  const md = readFileSync((await download.path())!, 'utf8');
  const doc = new DOMParserLike(marked.parse(md, { async: false }) as string);
  for (let n = 1; n <= 5; n++) {
    const section = doc.section(new RegExp(`^Step ${n}: `));
    expect(section, `step ${n}`).toContain(answer(n));
  }
  expect(doc.section(/^Step 1: /)).toContain('Inject:');
  expect(doc.section(/^Step 1: /)).toContain("The room's answer:");
  expect(doc.tableRows('Strengths')).toEqual([['2', expect.any(String), answer(2)]]);
  expect(doc.tableRows('Areas for improvement (gaps)').map((r) => r[0])).toEqual(['1', '5']);
  expect(doc.tableRows('Follow-ups')).toEqual([['3', expect.any(String), answer(3)]]);
});

/** Just enough of a rendered Markdown document: the text under a heading, and a table's cells. */
class DOMParserLike {
  constructor(private html: string) {}
  private decode(s: string) {
    return s
      .replace(/<[^>]+>/g, '')
      .replaceAll('&quot;', '"')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&#39;', "'")
      .replaceAll('&amp;', '&');
  }
  private parts() {
    return this.html
      .split(/<h2>/)
      .slice(1)
      .map((p) => {
        const [head, body = ''] = p.split('</h2>');
        return { head: this.decode(head!), body };
      });
  }
  section(head: RegExp): string {
    const p = this.parts().find((x) => head.test(x.head));
    return p ? this.decode(p.body) : '';
  }
  tableRows(head: string): string[][] {
    const p = this.parts().find((x) => x.head === head);
    const body = p?.body.split('<tbody>')[1] ?? '';
    return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => this.decode(c[1]!)),
    );
  }
}

type Phase = { label: Text; prompts?: Text[] };
type Scenario = { briefing: Text; phases: Phase[] };
const { briefing, phases } = bundled as unknown as Scenario;
type Told = Event & { inject?: { question: Text }; prompts?: Text[] };

for (const lang of ['en', 'zh-Hant'] as const) {
  test(`the players' situation manual holds only the briefing; the facilitator's holds nothing of a later module in an earlier one (${lang})`, async ({
    app,
  }) => {
    await app.goto(`?mode=present&presenter=1&print=manual&lang=${lang}`);
    await expect(app.printDocument).toContainText(briefing[lang]);
    await expect(app.manualModules).toHaveCount(0);
    const handout = await app.printDocument.innerText();
    // Each is something the room finds out during the exercise: what happened, what it is asked, where it is heading.
    const told = [
      ...(events as Told[]).flatMap((e) => [
        e.title,
        e.description,
        e.presentText,
        e.inject?.question,
        ...(e.prompts ?? []),
      ]),
      ...phases.flatMap((p) => [p.label, ...(p.prompts ?? [])]),
    ];
    for (const t of told)
      if (t) expect(handout, `the handout tells "${t[lang]}"`).not.toContain(t[lang]);

    await app.goto(`?mode=present&presenter=1&print=manual-facilitator&lang=${lang}`);
    const modules = app.manualModules;
    const count = await modules.count();
    expect(count).toBeGreaterThan(5);
    // Each module as the room sees it by its end; its answers tell what actually happened.
    const texts = await app.manualModuleTextsWithoutAnswers();
    const revealedIn = await Promise.all(
      texts.map((_, i) =>
        modules
          .nth(i)
          .locator('.manual-events [data-event]')
          .evaluateAll((li) => li.map((x) => x.getAttribute('data-event')!)),
      ),
    );
    for (let i = 0; i < count; i++)
      for (let j = i + 1; j < count; j++)
        for (const id of revealedIn[j]!) {
          const e = byId.get(id)!;
          for (const t of [e.title[lang], e.description[lang], e.presentText?.[lang]])
            if (t)
              expect(texts[i], `module ${i + 1} shows "${t}" of module ${j + 1}`).not.toContain(t);
        }
    // A range is cut where the room stands: the attempts on other systems end on 11-24 only in modules that reach it.
    const range = '2023-11-14 – 2023-11-24';
    expect(texts.some((t) => t.includes(range))).toBe(true);
    for (const t of texts.filter((t) => t.includes(range)))
      expect(t.replaceAll(range, '')).toMatch(/2023-11-2[4-9]|2023-12|2024-/);
    const first = texts.findIndex((t) =>
      t.includes(byId.get('other-systems-attempts')!.title[lang]),
    );
    expect(texts[first]).toContain(lang === 'en' ? '– ongoing' : '– 進行中');
    const facilitator = (await modules.allInnerTexts()).join('\n');
    for (const e of events) expect(facilitator).toContain(e.description[lang]);
    await expect(
      app.page.getByRole('heading', { name: lang === 'en' ? 'Facilitator guide' : '引導者指南' }),
    ).toBeVisible();
  });
}

/** The first clock ("0:01:05") in a locator's text, in seconds. */
const seconds = async (clock: Locator) =>
  (await clock.innerText())
    .match(/\d+:\d\d:\d\d/)![0]
    .split(':')
    .reduce((s, part) => s * 60 + Number(part), 0);

test('stepping quickly loses no time: the steps’ times add up to the session’s when the clock is paused', async ({
  app,
  context,
}) => {
  // One phase, so its agenda row sums the steps' times before they are rounded down to the second.
  await app.gotoPresent('phase=recovery&event=code-red-begins');
  const presenter = await openPresenter(app, context);
  for (let n = 2; n <= 11; n++) {
    // Under the clock's one-second tick: all of a step's time is what the tick had not counted yet.
    await presenter.page.waitForTimeout(700);
    await presenter.nextButton.click();
    await expect(presenter.stepCounter).toHaveText(`Step ${n} of 13`);
  }
  await presenter.pauseButton.click();
  await expect(presenter.page.getByRole('button', { name: 'Resume' })).toBeVisible();
  const session = await seconds(presenter.sessionClock);
  expect(session).toBeGreaterThanOrEqual(7);
  await expect
    .poll(() => seconds(presenter.agendaSpent.first()))
    .toBeGreaterThanOrEqual(session - 1);
  expect(await seconds(presenter.agendaSpent.first())).toBeLessThanOrEqual(session);
});

test('the step clock keeps counting over a reload of the presenter view, as the session clock does', async ({
  app,
  context,
}) => {
  await app.gotoPresent('event=probing-begins');
  const presenter = await openPresenter(app, context);
  await expect(presenter.stepClock).toHaveText('0:00:02');
  const url = presenter.page.url();
  // Away long enough that a clock restarting on reload falls behind by seconds, not by a tick's rounding.
  await presenter.page.goto('about:blank');
  await presenter.page.waitForTimeout(3_000);
  await presenter.page.goto(url);
  // This step has been on screen since the session began, so its time keeps up with the session's.
  await expect
    .poll(
      async () => (await seconds(presenter.sessionClock)) - (await seconds(presenter.stepClock)),
    )
    .toBeLessThanOrEqual(1);
});

test('at the step of a range that ends later, the page holds neither its end nor any later event', async ({
  app,
}) => {
  await app.gotoPresent('event=other-systems-attempts');
  await expect(app.stepTitle).toHaveText('Attempts on other Cloudflare systems fail (ongoing)');
  await expect(app.presentStep).toContainText('2023-11-14, time not given – ongoing');
  const { text, html } = await app.everything();
  const later = events.filter((e) => Date.parse(e.start) > Date.parse('2023-11-15T00:00:00Z'));
  expect(later.length).toBeGreaterThan(30);
  for (const page of [text, html]) {
    expect(page).not.toMatch(/2023-11-2\d/);
    for (const e of later) {
      expect(page).not.toContain(e.title.en);
      expect(page).not.toContain(e.description.en);
    }
    expect(page).not.toContain(byId.get('other-systems-attempts')!.description.en);
  }
});

test('the room sees only the stage: controls show on focus, Space steps from any button, Reveal all asks first', async ({
  app,
}) => {
  await app.gotoPresent('event=probing-begins');
  const controls = app.presentControls;
  await app.page.mouse.move(5, 1000);
  await expect(controls).toHaveCSS('opacity', '0');
  expect((await app.everything()).text).not.toContain('PageDown');

  await app.previousButton.focus();
  await expect(controls).toHaveCSS('opacity', '1');
  const before = await app.stepCounter.innerText();
  await app.page.keyboard.press(' ');
  await expect(app.stepCounter).not.toHaveText(before);
  expect(app.stepInUrl().event).not.toBe('probing-begins');
  const n = Number(before.match(/\d+/)![0]);
  await expect(app.stepCounter).toHaveText(`Step ${n + 1}`);

  await app.revealAllButton.click();
  const dialog = app.page.getByRole('dialog', { name: 'Reveal every event to the room?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.revealAllButton).toHaveAttribute('aria-pressed', 'false');
  await app.revealAllButton.click();
  await dialog.getByRole('button', { name: 'Reveal all' }).click();
  await expect(app.revealAllButton).toHaveAttribute('aria-pressed', 'true');
});

test('a clicked control leaves the room’s bar hidden, and Space after ticking a tag steps without unticking it', async ({
  app,
  context,
}) => {
  await app.gotoPresent('event=probing-begins');
  const before = await app.stepCounter.innerText();
  await app.nextButton.click();
  await expect(app.stepCounter).not.toHaveText(before);
  await app.page.mouse.move(5, 1000);
  await expect(app.presentControls).toHaveCSS('opacity', '0');

  const presenter = await openPresenter(app, context);
  const counter = presenter.page.locator('.present-counter');
  const step = await counter.innerText();
  await presenter.tagBox('Follow-up').click();
  await expect(presenter.tagBox('Follow-up')).toBeChecked();
  await presenter.page.keyboard.press(' ');
  await expect(counter).not.toHaveText(step);
  await presenter.previousButton.click();
  await expect(counter).toHaveText(step);
  await expect(presenter.tagBox('Follow-up')).toBeChecked();
  // A clicker's keys step from a ticked tag too, which keeps its tick.
  await presenter.tagBox('Gap').click();
  await presenter.page.keyboard.press('PageDown');
  await expect(counter).not.toHaveText(step);
  await presenter.page.keyboard.press('ArrowLeft');
  await expect(counter).toHaveText(step);
  await expect(presenter.tagBox('Gap')).toBeChecked();
});

test('the keys of the after-action report and of a dialog are their own: the room does not move behind them', async ({
  app,
  context,
}) => {
  await app.gotoPresent('event=probing-begins');
  const step = await app.stepCounter.innerText();
  // Behind the dialog that asks before everything is revealed: an arrow does nothing, and Space presses Cancel.
  await app.revealAllButton.click();
  const dialog = app.page.getByRole('dialog', { name: 'Reveal every event to the room?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await app.page.keyboard.press('ArrowRight');
  // Also with focus on the page's body, as a browser may leave it.
  await app.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await app.page.keyboard.press('PageDown');
  await expect(app.stepCounter).toHaveText(step);
  await dialog.getByRole('button', { name: 'Cancel' }).focus();
  await app.page.keyboard.press(' ');
  await expect(dialog).toBeHidden();
  await expect(app.stepCounter).toHaveText(step);
  await expect(app.revealAllButton).toHaveAttribute('aria-pressed', 'false');

  const presenter = await openPresenter(app, context);
  await presenter.afterActionButton.click();
  await expect(presenter.page.getByRole('heading', { level: 1 })).toContainText(
    'After-action report',
  );
  await presenter.page.keyboard.press('PageDown');
  await expect.poll(() => presenter.page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await presenter.page.keyboard.press(' ');
  await presenter.page.keyboard.press('End');
  await app.page.waitForTimeout(300);
  await expect(app.stepCounter).toHaveText(step);
  expect(app.stepInUrl().event).toBe('probing-begins');
});

test('two sessions started in the same minute read apart in the list to resume', async ({
  app,
  context,
}) => {
  await app.gotoPresent('event=probing-begins');
  const presenter = await openPresenter(app, context);
  await presenter.notesField.fill('First session');
  presenter.page.on('dialog', (dialog) => void dialog.accept());
  await presenter.page.getByRole('button', { name: 'New session' }).click();
  const options = presenter.page.getByLabel('Resume a session').locator('option');
  await expect(options).toHaveCount(2);
  const labels = await options.allInnerTexts();
  expect(labels.map((l) => l.replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/, 'T'))).toEqual([
    expect.stringMatching(/^Session [12], started T UTC/),
    expect.stringMatching(/^Session [12], started T UTC/),
  ]);
  expect(new Set(labels.map((l) => l.slice(0, 'Session 1'.length))).size).toBe(2);
});

test('present mode opens on a title slide, follows the link’s filters, and reaches every phase', async ({
  app,
  context,
}) => {
  await app.gotoPresent('phase=detection,containment,recovery,post-incident');
  await expect(app.titleSlide).toContainText('Cloudflare Thanksgiving 2023 security incident');
  await expect(app.titleSlide).toContainText("You are Cloudflare's security team");
  await expect(app.page.locator('.timeline-chart')).toHaveCount(0);
  const presenter = await openPresenter(app, context);
  const chosen = events.filter((e) =>
    ['detection', 'containment', 'recovery', 'post-incident'].includes(e.phase),
  );
  const injects = chosen.filter((e) => 'inject' in e).length;
  await presenter.nextButton.click();
  await expect(presenter.stepCounter).toHaveText(`Step 1 of ${chosen.length + injects}`);
  const agenda = presenter.page.getByRole('region', { name: 'Agenda' });
  await expect(agenda.getByRole('button')).toHaveCount(4);
  await agenda.getByRole('button', { name: 'Go to Post-incident' }).click();
  await expect.poll(() => app.stepInUrl().event).toBe('crowdstrike-final-report');

  // Unfiltered, the agenda's tenth phase is on the 0 key and the eleventh and twelfth in the agenda alone. Without the presenter
  // view, which would answer the reopened page's hello with its own step, racing the key.
  await presenter.page.close();
  await app.gotoPresent('event=probing-begins');
  await app.page.keyboard.press('0');
  await expect.poll(() => byId.get(app.stepInUrl().event ?? '')?.phase).toBe('eradication');
});

test('a date-only event of the first day reads "the same day", and the stage keeps T+ short', async ({
  app,
}) => {
  await app.gotoPresent('event=aws-environment-accessed');
  await expect(app.presentStep).toContainText('T: the same day');
  await expect(app.presentStep).not.toContainText('T− 0');
  await app.gotoPresent('event=automated-alert');
  await expect(app.presentStep).toContainText('T+ 9 days 6 hours');
  await expect(app.presentStep.locator('.present-tplus')).toHaveText('T+ 9 days 6 hours');
});

test('axe: no violations in the presenter view with notes, or in either print view', async ({
  app,
  context,
}) => {
  // Four axe runs over long pages: over two minutes when the machine is busy.
  test.setTimeout(240_000);
  await app.gotoPresent('event=automated-alert&inject=1');
  const presenter = await openPresenter(app, context);
  await presenter.notesField.fill('Disable the account first, then check the group memberships.');
  await presenter.tagBox('Strength').check();
  await expect(presenter.saveStatus).toHaveText('Saved in this browser');
  expect(await axe(presenter.page)).toEqual([]);
  for (const print of ['manual', 'manual-facilitator', 'report']) {
    await presenter.goto(`?mode=present&presenter=1&print=${print}`);
    await expect(presenter.page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await axe(presenter.page), print).toEqual([]);
  }
});
