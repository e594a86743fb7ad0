import type { Messages } from '../i18n/en';
import { useI18n } from '../i18n/i18n';
import { isDraftSource } from '../loading/draft-source';
import { useProblemMessage } from '../i18n/use-problem-message';
import { IncidentFileError, useLoadProgress } from '../loading/incident-query';
import { cancelLoad, LoadCancelledError } from '../loading/load-cancel';
import { isLocal } from '../loading/open-file';
import { formatBytes } from '../model/file-size';
import { problemCount } from '../model/problems';
import { DatabaseUnavailable } from '../store/db';

/** How far loading `src` has got ("Checking 100,000 events…"), or `fallback` before the first stage is known. */
export function LoadProgressText({ src, fallback }: { src: string; fallback: string }) {
  const { t } = useI18n();
  const progress = useLoadProgress(src);
  switch (progress?.stage) {
    case 'downloading':
      return progress.received > 0
        ? t.loadControl.downloaded(
            formatBytes(progress.received),
            progress.total === undefined ? undefined : formatBytes(progress.total),
            progress.events,
          )
        : t.progress.downloading;
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

/** What the loading view calls `src`: its address, or what it is when it has none a reader would know. */
function sourceName(src: string, t: Messages): string {
  if (isLocal(src)) return t.localFileClosed;
  return isDraftSource(src) ? t.draftSource(undefined) : src;
}

/** Without `cancellable` (the file is read, its first view is rendering) there is nothing left to cancel. */
export function Loading({ src, cancellable = true }: { src: string; cancellable?: boolean }) {
  const { t } = useI18n();
  const progress = useLoadProgress(src);
  return (
    <div className="status load-status">
      <p role="status">
        {t.loading(sourceName(src, t))} <LoadProgressText src={src} fallback="" />
      </p>
      {progress?.stage === 'downloading' && progress.total !== undefined && (
        <progress
          aria-label={t.loadControl.downloadProgress}
          max={progress.total}
          value={progress.received}
        />
      )}
      {cancellable && (
        <button type="button" onClick={() => cancelLoad(src)}>
          {t.loadControl.cancel}
        </button>
      )}
    </div>
  );
}

/** A load failure, with every validation problem listed by path; a cancelled load says only that. */
export function LoadError({ error }: { error: Error }) {
  const { t } = useI18n();
  const say = useProblemMessage(error instanceof IncidentFileError ? error.problems : undefined);
  if (error instanceof LoadCancelledError)
    return (
      <section className="status" role="alert">
        <h2>{t.loadControl.cancelled}</h2>
        <p>{t.loadControl.cancelledText(sourceName(error.file, t))}</p>
        <p>
          <a href={window.location.href}>{t.loadControl.tryAgain}</a>
        </p>
      </section>
    );
  return (
    <section className="status status-error" role="alert">
      <h2>{t.loadFailed}</h2>
      {error instanceof IncidentFileError ? (
        <>
          <p>{t.notValidFile(error.file, problemCount(error.problems))}</p>
          <ul className="problems">
            {error.problems.map((p, i) => (
              <li key={i}>
                <code>{p.path}</code>: {say(p)}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{error instanceof DatabaseUnavailable ? t.storage[error.why] : error.message}</p>
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
