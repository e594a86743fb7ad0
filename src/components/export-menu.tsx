import { memo, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { Incident, TimelineEvent } from '../model/incident';
import { download } from './download';

interface Props {
  incident: Incident;
  events: TimelineEvent[];
  /** The element drawn into the PNG: title, filter summary, UTC note and chart. */
  imageNode: () => HTMLElement | null;
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

async function exportAs(id: string, incident: Incident, events: TimelineEvent[], lang: string) {
  const { EXPORT_FORMATS } = await import('../model/formats');
  const f = EXPORT_FORMATS.find((x) => x.id === id)!;
  download(`${incident.id}.${f.extension}`, f.mimeType, f.export(incident, events, lang));
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Exports the events shown now (after filters) in the formats responders use, as a PNG, or to the printer. */
export const ExportMenu = memo(function ExportMenu({ incident, events, imageNode }: Props) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const menu = useRef<HTMLDetailsElement>(null);
  const close = () => menu.current?.removeAttribute('open');
  // Every export runs through here, so none can fail without a word (a chunk that will not load, an exporter that throws).
  const run = (format: string, work: () => Promise<void>) => {
    close();
    setFailure(undefined);
    work().catch((error: unknown) => setFailure(t.exportFailed(format, reasonOf(error))));
  };
  const png = async () => {
    const node = imageNode();
    if (!node) return;
    setBusy(true);
    try {
      // Loaded on demand: most visits never export an image.
      const { toBlob } = await import('html-to-image');
      const blob = await toBlob(node, {
        pixelRatio: 2,
        backgroundColor: getComputedStyle(document.body).backgroundColor,
      });
      if (!blob) throw new Error(t.exportEmptyImage);
      download(`${incident.id}.png`, 'image/png', blob);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="export-menu">
      <details ref={menu} className="menu">
        <summary>{t.export}</summary>
        <ul className="menu-list">
          {FORMAT_IDS.map((id) => (
            <li key={id}>
              <button
                type="button"
                data-format={id}
                onClick={() =>
                  run(t.exportFormats[id]!, () => exportAs(id, incident, events, lang))
                }
              >
                {t.exportFormats[id]}
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
              {t.exportPng}
            </button>
          </li>
          <li>
            <button
              type="button"
              onClick={() => {
                close();
                window.print();
              }}
            >
              {t.print}
            </button>
          </li>
        </ul>
      </details>
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
