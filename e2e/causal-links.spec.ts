import { bundled, expect, test } from './fixtures';

// Each test walks several chart redraws (reloads, pans, regrouping); on a shared machine that takes over 30 s.
test.describe.configure({ timeout: 90_000 });

const linked = (from: string, to: string) => (a: { from: string; to: string }) =>
  a.from === from && a.to === to;

test.describe('link arrows', () => {
  test('"Links" draws arrows between linked events in view, styled by kind, and round-trips through the URL', async ({
    app,
    page,
  }) => {
    await app.goto('?event=sliver-installed');
    await expect(app.linksToggle).not.toBeChecked();
    expect(await app.arrows()).toEqual([]);

    await app.linksToggle.check();
    expect((await app.query()).get('links')).toBe('1');
    await expect.poll(async () => (await app.arrows()).length).toBeGreaterThan(10);
    const arrows = await app.arrows();
    expect(arrows.every((a) => a.onItems)).toBe(true);
    expect(arrows.find(linked('smartsheet-suite-access', 'sliver-installed'))?.style).toBe('chain');
    expect(arrows.find(linked('automated-alert', 'admin-group-change'))?.style).toBe('detection');
    expect(arrows.find(linked('soc-investigation', 'automated-alert'))?.style).toBe('response');

    await page.reload();
    await app.waitForReady();
    await expect(app.linksToggle).toBeChecked();
    await expect.poll(async () => (await app.arrows()).length).toBeGreaterThan(10);

    await app.linksToggle.uncheck();
    expect((await app.query()).get('links')).toBeNull();
    await expect.poll(async () => (await app.arrows()).length).toBe(0);
    await page.goBack();
    await expect(app.linksToggle).toBeChecked();
  });

  test('arrows follow their items through pan, zoom, regrouping and folding', async ({ app }) => {
    await app.goto(
      '?links=1&from=2023-11-21T00:00:00Z&to=2023-11-25T00:00:00Z&event=automated-alert',
    );
    // `until` waits out the redraw that brings what it looks for: the arrows before it are on their items too.
    type Arrows = Awaited<ReturnType<typeof app.arrows>>;
    // The arrows that passed: reading them again could catch the next redraw half done.
    const following = async (until: (arrows: Arrows) => boolean = () => true) => {
      let passed: Arrows = [];
      await expect
        .poll(async () => {
          const arrows = await app.arrows();
          const ok = arrows.length > 0 && arrows.every((a) => a.onItems) && until(arrows);
          if (ok) passed = arrows;
          return ok;
        })
        .toBe(true);
      return passed;
    };
    const before = await following();
    expect(before.some(linked('automated-alert', 'admin-group-change'))).toBe(true);

    await app.panChart(-200);
    await following();
    await app.page.getByRole('button', { name: 'Zoom in' }).click();
    await following();
    await app.groupSelect.selectOption('actor');
    await following((arrows) => arrows.some(linked('automated-alert', 'admin-group-change')));
    await app.page.getByRole('button', { name: 'Fit all' }).click();
    await app.page.getByRole('checkbox', { name: 'Compress quiet periods' }).check();
    const folded = await following((arrows) =>
      arrows.some(linked('okta-compromise', 'moveworks-token-access')),
    );
    // Folding the quiet weeks brings the Okta compromise and its links into the same view as November.
    expect(folded.some(linked('okta-compromise', 'moveworks-token-access'))).toBe(true);
  });
});

test.describe('Show path', () => {
  test('on the Sliver installation lists the chain back to the credential compromise, in order, and dims the rest', async ({
    app,
  }) => {
    // Tall enough that the chart shows the lanes of every event checked below: lanes out of view draw no items.
    await app.page.setViewportSize({ width: 1280, height: 900 });
    await app.goto('?event=sliver-installed&links=1');
    await app.showPathButton.click();
    await expect(app.showPathButton).toHaveAttribute('aria-pressed', 'true');
    expect((await app.query()).get('path')).toBe('1');
    const steps = await app.pathSteps.allInnerTexts();
    const title = (id: string) => bundled.events.find((e) => e.id === id)!.title.en;
    const at = (id: string) => steps.findIndex((s) => s.includes(title(id)));
    expect(at('okta-compromise')).toBe(0);
    expect(at('moveworks-token-access')).toBe(1);
    expect(at('smartsheet-suite-access')).toBe(2);
    expect(at('sliver-installed')).toBe(3);
    expect(at('sliver-removed')).toBeGreaterThan(3);
    expect(at('code-red-ends')).toBe(-1);
    // 11-15, a date, to 11-22 14:18:22: counted in days.
    expect(steps[3]).toContain('7 days later');

    // The first window is the busiest stretch of November; the whole span brings October's compromise in.
    await app.page.getByRole('button', { name: 'Fit all' }).click();
    await expect(app.chartItem('sliver-installed').first()).not.toHaveClass(/it-dimmed/);
    await expect(app.chartItem('okta-compromise').first()).not.toHaveClass(/it-dimmed/);
    await expect(app.chartItem('automated-alert').first()).toHaveClass(/it-dimmed/);
    // Polled: the arrows are drawn after the items, and a redraw takes them out and back.
    await expect
      .poll(async () => {
        const arrows = await app.arrows();
        return [
          arrows.find(linked('smartsheet-suite-access', 'sliver-installed'))?.dimmed,
          arrows.find(linked('automated-alert', 'admin-group-change'))?.dimmed,
        ];
      })
      .toEqual([false, true]);

    // A step of the list selects that event, and the path follows it.
    await app.details.getByRole('button', { name: title('okta-compromise') }).click();
    await expect(app.details.getByRole('heading', { level: 2 })).toHaveText(
      title('okta-compromise'),
    );
    await expect(app.pathSteps.first()).toContainText(title('okta-compromise'));

    await app.showPathButton.click();
    expect((await app.query()).get('path')).toBeNull();
    await expect(app.pathSteps).toHaveCount(0);
  });

  test('is listed in Chinese too, with the time between steps', async ({ app }) => {
    await app.goto('?event=sliver-installed&path=1&lang=zh-Hant');
    await expect(app.details.getByRole('button', { name: '顯示路徑' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(app.details.getByRole('list', { name: '因果路徑' })).toContainText('7 天後');
  });
});

test('Export → Attack Flow holds every adversary event of the filtered view', async ({ app }) => {
  await app.goto('?phase=persistence,lateral-movement');
  const flow = JSON.parse(await app.exportNamed('Attack Flow')) as {
    type: string;
    objects: { type: string; name?: string; extensions?: object }[];
  };
  expect(flow.type).toBe('bundle');
  const shown = bundled.events.filter(
    (e) => ['persistence', 'lateral-movement'].includes(e.phase) && e.actor === 'threat-actor',
  );
  const actions = flow.objects.filter((o) => o.type === 'attack-action').map((o) => o.name);
  expect(actions.sort()).toEqual(shown.map((e) => e.title.en).sort());
  expect(flow.objects.filter((o) => o.type === 'attack-flow')).toHaveLength(1);
});
