import { memo, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { exportFileName, isFiltered } from '../model/formats/export-name';
import type { TableWords } from '../model/formats/markdown';
import type { Incident, TimelineEvent } from '../model/incident';
import { download } from './download';
import { FixFirst } from './fix-first';
import { holdLaneColumns } from './lane-scroll';

interface Props {
  incident: Incident;
  events: TimelineEvent[];
  /** The element drawn into the PNG: title, filter summary, UTC note and chart. */
  imageNode: () => HTMLElement | null;
  /** A draft with problems: every export says what to fix first instead. */
  blocked?: DraftBlock;
}

export interface DraftBlock {
  /** The draft's problems as it is now: asked at the click, since a count made on render may wait for typing. */
  problems: () => number;
  onShowProblems: () => void;
}

// The menu lists format ids on its own so the exporters (and papaparse, uuid) load only when one is chosen.
const FORMAT_IDS = [
  'app-json',
  'csv',
  'markdown',
  'timesketch-csv',
  'timesketch-jsonl',
  'attack-navigator',
  'stix',
  'attack-flow',
];

async function exportAs(
  id: string,
  incident: Incident,
  events: TimelineEvent[],
  lang: string,
  words: TableWords,
) {
  const { EXPORT_FORMATS } = await import('../model/formats');
  const f = EXPORT_FORMATS.find((x) => x.id === id)!;
  const name = exportFileName(incident.id, f.extension, events.length, incident.events.length);
  download(name, f.mimeType, f.export(incident, events, lang, words));
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Exports the events shown now (after filters) in the formats responders use, as a PNG, or to the printer. */
export const ExportMenu = memo(function ExportMenu({
  incident,
  events,
  imageNode,
  blocked,
}: Props) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [refused, setRefused] = useState(0);
  const menu = useRef<HTMLDetailsElement>(null);
  const close = () => menu.current?.removeAttribute('open');
  const filtered = isFiltered(events.length, incident.events.length);
  // A filtered view's export holds only the events shown, and its label says so.
  const label = (format: string) =>
    filtered ? t.exportShown(format, events.length, incident.events.length) : format;
  // Every export runs through here, so none can fail without a word (a chunk that will not load, an exporter that throws).
  const run = (format: string, work: () => Promise<void>) => {
    close();
    setFailure(undefined);
    const problems = blocked?.problems() ?? 0;
    if (problems > 0) return setRefused(problems);
    work().catch((error: unknown) => setFailure(t.exportFailed(format, reasonOf(error))));
  };
  const png = async () => {
    const node = imageNode();
    if (!node) return;
    setBusy(true);
    try {
      // Loaded on demand: most visits never export an image.
      const { toBlob } = await import('html-to-image');
      // Styles only the image may have (see chart.css), held until the copy of every element is made.
      const release = holdLaneColumns(node);
      node.classList.add('capturing');
      const blob = await toBlob(node, {
        pixelRatio: 2,
        backgroundColor: getComputedStyle(document.body).backgroundColor,
      }).finally(() => {
        node.classList.remove('capturing');
        release();
      });
      if (!blob) throw new Error(t.exportEmptyImage);
      download(
        exportFileName(incident.id, 'png', events.length, incident.events.length),
        'image/png',
        blob,
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="export-menu">
      <details ref={menu} className="menu">
        <summary>{t.export}</summary>
        <ul className="menu-list">
          {filtered && (
            <li className="muted small menu-note">
              {t.exportShownNote(events.length, incident.events.length)}
            </li>
          )}
          {FORMAT_IDS.map((id) => (
            <li key={id}>
              <button
                type="button"
                data-format={id}
                onClick={() =>
                  run(t.exportFormats[id]!, () =>
                    exportAs(id, incident, events, lang, {
                      heading: t.timelineHeading,
                      columns: t.columns,
                      outcomes: t.outcomes,
                    }),
                  )
                }
              >
                {label(t.exportFormats[id]!)}
              </button>
            </li>
          ))}
          <li>
            <button
              type="button"
              data-format="png"
              disabled={busy}
              onClick={() => run(t.exportPng, png)}
            >
              {label(t.exportPng)}
            </button>
          </li>
          <li>
            <button type="button" onClick={() => run(t.print, async () => window.print())}>
              {t.print}
            </button>
          </li>
        </ul>
      </details>
      {refused > 0 && blocked && (
        <FixFirst
          text={t.fixFirst.exportBlocked(refused)}
          onShowProblems={blocked.onShowProblems}
          onDismiss={() => setRefused(0)}
        />
      )}
      {failure && (
        <p className="status status-error export-failed" role="alert">
          {failure}{' '}
          <button type="button" onClick={() => setFailure(undefined)}>
            {t.dismiss}
          </button>
        </p>
      )}
    </div>
  );
});
