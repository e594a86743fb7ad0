// The architecture's import and purity rules, proved on probe files that break them.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function rulesBroken(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint holds the architecture', () => {
  it.each([
    [
      "import { useViewState } from '../hooks/use-view-state';\nexport const x = useViewState;",
      /model imports nothing of the app/,
    ],
    ["import { App } from '../../app';\nexport const x = App;", /model imports nothing of the app/],
    [
      "import { ImportFile } from '../components/import-file';\nexport const x = ImportFile;",
      /model imports nothing of the app/,
    ],
    ["import { useState } from 'react';\nexport const x = useState;", /framework-free/],
    ['export const title = () => document.title;', /no DOM and does no I\/O/],
    ['export const load = (u: string) => fetch(u);', /no DOM and does no I\/O/],
    ["export const saved = () => localStorage.getItem('x');", /no DOM and does no I\/O/],
  ])('refuses in src/model/formats: %s', async (code, message) => {
    expect(await rulesBroken('src/model/formats/probe.ts', code)).toEqual([
      expect.stringMatching(message),
    ]);
  });

  it('lets the model name its own variables window and use URL and TextDecoder', async () => {
    const code =
      'export const width = (window: { from: number; to: number }) => window.to - window.from;\n' +
      "export const host = new URL('https://x.example').host + new TextDecoder().decode();";
    expect(await rulesBroken('src/model/probe.ts', code)).toEqual([]);
  });

  it('refuses Intl number formats in the app, and lets tests compare with them', async () => {
    for (const code of [
      'export const n = (5000).toLocaleString();',
      "export const n = new Intl.NumberFormat('en').format(5000);",
    ])
      expect(await rulesBroken('src/components/probe.tsx', code)).toEqual([
        expect.stringMatching(/Use formatCount/),
      ]);
    const test = "export const n = (5000).toLocaleString('en');";
    expect(await rulesBroken('src/model/probe.test.ts', test)).toEqual([]);
  });

  it('refuses a hook that imports a component, or vis-timeline', async () => {
    expect(
      await rulesBroken(
        'src/hooks/probe.ts',
        "import { EventList } from '../components/event-list';\nexport const x = EventList;",
      ),
    ).toEqual([expect.stringMatching(/Hooks do not import components/)]);
    expect(
      await rulesBroken(
        'src/hooks/probe.ts',
        "import { DataSet } from 'vis-data/esnext';\nexport const x = DataSet;",
      ),
    ).toEqual([expect.stringMatching(/Only timeline-chart owns vis-timeline/)]);
  });

  it('refuses vis-timeline in any component but the chart', async () => {
    const code = "import { Timeline } from 'vis-timeline/esnext';\nexport const x = Timeline;";
    expect(await rulesBroken('src/components/probe.tsx', code)).toEqual([
      expect.stringMatching(/Only timeline-chart owns vis-timeline/),
    ]);
    expect(await rulesBroken('src/components/timeline-chart.tsx', code)).toEqual([]);
  });
});
