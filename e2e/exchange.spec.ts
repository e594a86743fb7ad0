import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { bundled, expect, test } from './fixtures';

const containment = bundled.events.filter((e) => e.phase === 'containment');
const ids = (list: { id: string }[]) => list.map((e) => e.id).sort();
const fixture = (name: string) => new URL(`../data/fixtures/${name}`, import.meta.url).pathname;
const lines = (name: string) =>
  readFileSync(fixture(name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
const csvRows = (name: string) =>
  Papa.parse(readFileSync(fixture(name), 'utf8'), { header: true, skipEmptyLines: true }).data
    .length;

test.describe('exports of the filtered events', () => {
  test.beforeEach(async ({ app }) => {
    await app.goto('?phase=containment');
  });

  test('incident JSON holds exactly the filtered events', async ({ app }) => {
    const { name, body } = await app.exportAs('app-json');
    expect(name).toBe('cloudflare-thanksgiving-2023-filtered.json');
    const file = JSON.parse(body.toString('utf8')) as {
      schemaVersion: string;
      events: { id: string }[];
    };
    expect(file.schemaVersion).toBe('1.0');
    expect(ids(file.events)).toEqual(ids(containment));
  });

  test('CSV has one row per filtered event', async ({ app }) => {
    const { body } = await app.exportAs('csv');
    const rows = Papa.parse<Record<string, string>>(body.toString('utf8').replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.map((r) => r.id).sort()).toEqual(ids(containment));
    expect(rows.find((r) => r.id === 'known-ips-blocked')?.start).toBe('2023-11-23T21:31:00Z');
  });

  test('Markdown is a table of the filtered events in UTC', async ({ app }) => {
    const text = (await app.exportAs('markdown')).body.toString('utf8');
    expect(text).toContain('All times UTC');
    const rows = text.split('\n').filter((l) => l.startsWith('| 20'));
    expect(rows).toHaveLength(containment.length);
    // Every cell has its punctuation escaped, so a wiki renders no Markdown from the data.
    expect(text).toContain('| 2023\\-11\\-23 21\\:31 |');
  });

  test('Markdown in Traditional Chinese has its heading, its columns and the outcomes in Chinese', async ({
    app,
  }) => {
    await app.goto('?phase=containment&lang=zh-Hant');
    const text = (await app.exportAs('markdown')).body.toString('utf8');
    const [heading, , header] = text.split('\n');
    const title = (bundled.title as Record<string, string>)['zh-Hant'];
    expect(heading).toBe(`## ${title}:時間軸(所有時間均為 UTC)`);
    expect(header).toBe('| 時間 (UTC) | 事件 | 階段 | 行為者 | 系統 | 結果 |');
    expect(text).toContain('| 成功 |');
    expect(text).not.toContain('succeeded');
  });

  test('Timesketch JSONL and CSV carry message, datetime with offset and timestamp_desc, and re-import', async ({
    app,
  }) => {
    const jsonl = (await app.exportAs('timesketch-jsonl')).body
      .toString('utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>);
    expect(jsonl.map((r) => r.message).sort()).toEqual(containment.map((e) => e.title.en).sort());
    expect(jsonl.every((r) => /\+00:00$/.test(r.datetime!) && r.timestamp_desc)).toBe(true);
    const csv = await app.exportAs('timesketch-csv');
    await app.openFile({ name: csv.name, mimeType: 'text/csv', buffer: csv.body });
    await expect(app.summary).toHaveText(`${containment.length} of ${containment.length} events`);
    await expect(app.page.getByText('(opened from this computer, not uploaded)')).toBeVisible();
  });

  test('ATT&CK Navigator layer lists the techniques of the filtered events', async ({ app }) => {
    await app.goto('?actor=threat-actor');
    const layer = JSON.parse((await app.exportAs('attack-navigator')).body.toString('utf8')) as {
      versions: { layer: string };
      domain: string;
      techniques: { techniqueID: string; comment: string; tactic?: string }[];
    };
    const expected = [
      ...new Set(
        bundled.events
          .filter((e) => e.actor === 'threat-actor')
          .flatMap((e) => (e as { techniques?: string[] }).techniques ?? []),
      ),
    ].sort();
    expect(layer.versions.layer).toBe('4.5');
    expect(layer.domain).toBe('enterprise-attack');
    expect(layer.techniques.map((t) => t.techniqueID).sort()).toEqual(expected);
    expect(layer.techniques.every((t) => t.tactic === undefined && t.comment.length > 0)).toBe(
      true,
    );
  });

  test('STIX bundle holds the indicators, identically on a second export', async ({ app }) => {
    await app.goto();
    const first = (await app.exportAs('stix')).body.toString('utf8');
    const second = (await app.exportAs('stix')).body.toString('utf8');
    expect(second).toBe(first);
    const bundle = JSON.parse(first) as {
      type: string;
      objects: { type: string; pattern: string }[];
    };
    expect(bundle.type).toBe('bundle');
    expect(bundle.objects.map((o) => o.pattern)).toEqual(
      expect.arrayContaining([
        "[ipv4-addr:value = '193.142.58.126']",
        "[ipv4-addr:value = '198.244.174.214']",
        "[domain-name:value = 'idowall.com']",
        "[file:hashes.'SHA-256' = 'bdd1a085d651082ad567b03e5186d1d46d822bb7794157ab8cce95d850a3caaf']",
      ]),
    );
  });

  test('a failed export says which format failed and why', async ({ app, consoleErrors }) => {
    // The exporters load on demand; refusing their code is how a dropped connection or a stale deploy looks.
    await app.page.route(/\/assets\/.*\.js$/, (route) => route.abort());
    await app.chooseExport('markdown');
    await expect(app.exportFailure).toContainText(/^Export as Markdown table failed: \S/);
    await app.exportFailure.getByRole('button', { name: 'Dismiss' }).click();
    await expect(app.exportFailure).toHaveCount(0);
    await app.chooseExport('png');
    await expect(app.exportFailure).toContainText(/^Export as Image \(PNG, 2×\) failed: \S/);
    await app.page.unroute(/\/assets\/.*\.js$/);
    // Chromium 150 keeps a module that failed to load as failed until the page reloads (later versions fetch it
    // again), so the export that works again is tried after a reload.
    await app.page.reload();
    await app.waitForReady();
    await app.exportAs('csv');
    await expect(app.exportFailure).toHaveCount(0);
    // The browser logs each refused request; every console error must be one of those.
    expect(
      consoleErrors.filter((e) => !/Failed to load resource: net::ERR_FAILED/.test(e)),
    ).toEqual([]);
    consoleErrors.splice(0);
  });

  test('PNG is the chart at twice its size, with title, filters and the UTC note', async ({
    app,
  }) => {
    const caption = app.page.locator('.capture-caption');
    await expect(caption).toContainText('Phase: Containment');
    await expect(caption).toContainText('All times UTC');
    const width = (await app.page.locator('.capture').boundingBox())!.width;
    const { name, body } = await app.exportAs('png');
    expect(name).toBe('cloudflare-thanksgiving-2023-filtered.png');
    expect(body.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(Math.abs(body.readUInt32BE(16) - Math.round(width * 2))).toBeLessThanOrEqual(2);
  });

  test('printing lays out every filtered event as a table', async ({ app }) => {
    await app.page.emulateMedia({ media: 'print' });
    await app.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await expect(app.page.locator('.print-list tbody tr')).toHaveCount(containment.length);
    await expect(app.page.locator('.filters')).toBeHidden();
  });
});

test.describe('imports', () => {
  test('each fixture opens with the right number of events, and nothing is sent', async ({
    app,
  }) => {
    await app.goto();
    const sent: { url: URL; method: string; body: string | null }[] = [];
    app.page.on('request', (r) =>
      sent.push({ url: new URL(r.url()), method: r.method(), body: r.postData() }),
    );
    for (const [name, count] of [
      ['timesketch.csv', csvRows('timesketch.csv')],
      ['timesketch.jsonl', lines('timesketch.jsonl').length],
    ] as const) {
      await app.openFile(fixture(name));
      await expect(app.summary).toHaveText(`${count} of ${count} events`);
    }
    // Only the app's own code and icon may be fetched (the importers load on demand); the file's content is never sent.
    const origin = new URL(app.page.url()).origin;
    expect(
      sent.filter(
        (r) =>
          r.method !== 'GET' ||
          r.body !== null ||
          r.url.origin !== origin ||
          !/^\/(assets\/[\w.-]+\.js|favicon\.svg)$/.test(r.url.pathname),
      ),
    ).toEqual([]);
  });

  test('a generic CSV asks which column is which, and keeps the rest', async ({ app }) => {
    await app.goto();
    await app.openFile(fixture('generic.csv'));
    await expect(app.mappingDialog).toBeVisible();
    await expect(app.mappingDialog.getByRole('combobox', { name: /^Time \*/ })).toHaveValue('Time');
    await app.mappingDialog.getByRole('combobox', { name: /^Title/ }).selectOption('Summary');
    await app.mappingDialog.getByRole('combobox', { name: /^System/ }).selectOption('Host');
    await app.mappingDialog.getByRole('button', { name: 'Open' }).click();
    const count = csvRows('generic.csv');
    await expect(app.summary).toHaveText(`${count} of ${count} events`);
    await app.listRows.first().click();
    // 08:14 at +02:00 is 06:14 UTC; the unmapped Ticket column is kept.
    await expect(app.detailsWhen).toHaveText('2024-07-01 06:14:00 UTC');
    await expect(app.details).toContainText('INC-1042');
  });

  test('columns named constructor, toString and __proto__ map and show like any other', async ({
    app,
  }) => {
    await app.goto();
    const csv = [
      'Time,Title,constructor,toString,__proto__',
      '2024-07-01T08:14:00Z,Key added,web01,a,b',
      '2024-07-01T09:14:00Z,Key used,,c,d',
    ].join('\n');
    await app.openFile({ name: 'proto.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await app.mappingDialog.getByRole('combobox', { name: /^System/ }).selectOption('constructor');
    await app.mappingDialog.getByRole('button', { name: 'Open' }).click();
    await expect(app.summary).toHaveText('2 of 2 events');
    await app.listRows.first().click();
    await expect(app.details).toContainText('web01');
    await expect(app.importedFields.getByRole('term')).toHaveText(['toString', '__proto__']);
    await expect(app.importedFields.getByRole('definition')).toHaveText(['a', 'b']);
  });

  test('a broken file shows its problems and the open incident stays', async ({ app }) => {
    await app.goto();
    await app.openFile(fixture('broken-timesketch.csv'));
    await expect(app.importProblems).toBeVisible();
    await expect(app.importProblems).toContainText('row 4');
    await app.importProblems.getByRole('button', { name: 'Close' }).click();
    await expect(app.heading).toHaveText('Cloudflare Thanksgiving 2023 security incident');
    await expect(app.summary).toHaveText(
      `${bundled.events.length} of ${bundled.events.length} events`,
    );
  });

  test('a file dropped on the page opens', async ({ app }) => {
    await app.goto();
    const text = readFileSync(fixture('timesketch.jsonl'), 'utf8');
    const transfer = await app.page.evaluateHandle((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], 'dropped.jsonl', { type: 'application/x-ndjson' }));
      return dt;
    }, text);
    await app.page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
    await app.page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
    const count = lines('timesketch.jsonl').length;
    await expect(app.summary).toHaveText(`${count} of ${count} events`);
    await expect(
      app.page.getByText('dropped.jsonl (opened from this computer, not uploaded)'),
    ).toBeVisible();
  });
});

test('the app’s own CSV opens again without a mapping step, each event with its id, times and precision', async ({
  app,
}) => {
  await app.goto();
  const { name, body } = await app.exportAs('csv');
  await app.openFile({ name, mimeType: 'text/csv', buffer: body });
  await expect(app.chart).toBeVisible();
  await app.button('Edit').click();
  await expect(app.draftStatus).toHaveText('Saved');
  type Times = { id: string; start: string; end?: string; precision: string };
  const saved = JSON.parse((await app.download('Save incident file')).text) as {
    events: Times[];
  };
  const times = (list: Times[]) =>
    list
      .map(({ id, start, end, precision }) => ({ id, start, end, precision }))
      .sort((a, b) => a.id.localeCompare(b.id));
  expect(times(saved.events)).toEqual(times(bundled.events as Times[]));
});
