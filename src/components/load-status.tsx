import { useI18n } from '../i18n/i18n';
import { IncidentFileError, useLoadProgress } from '../loading/incident-query';
import { isLocal } from '../loading/open-file';
import { formatBytes } from '../model/incident-file';

/** How far loading `src` has got ("Checking 100,000 events…"), or `fallback` before the first stage is known. */
export function LoadProgressText({ src, fallback }: { src: string; fallback: string }) {
  const { t } = useI18n();
  const progress = useLoadProgress(src);
  switch (progress?.stage) {
    case 'downloading':
      return t.progress.downloading;
    case 'reading':
      return t.progress.reading(formatBytes(progress.bytes));
    case 'validating':
      return t.progress.validating(progress.events);
    case 'receiving':
      return t.progress.receiving(progress.events, progress.total);
    default:
      return fallback;
  }
}

export function Loading({ src }: { src: string }) {
  const { t } = useI18n();
  return (
    <p className="status" role="status">
      {t.loading(isLocal(src) ? t.localFileClosed : src)} <LoadProgressText src={src} fallback="" />
    </p>
  );
}

/** A load failure, with every validation problem listed by path. */
export function LoadError({ error }: { error: Error }) {
  const { t } = useI18n();
  return (
    <section className="status status-error" role="alert">
      <h2>{t.loadFailed}</h2>
      <p>{error.message}</p>
      {error instanceof IncidentFileError && (
        <ul className="problems">
          {error.problems.map((p, i) => (
            <li key={i}>
              <code>{p.path}</code>: {p.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function Empty() {
  const { t } = useI18n();
  return (
    <p className="status" role="status">
      {t.noEvents}
    </p>
  );
}
