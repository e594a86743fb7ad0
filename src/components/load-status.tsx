import { useI18n } from '../i18n/i18n';
import { IncidentFileError } from '../loading/incident-query';
import { isLocal } from '../loading/local-files';

export function Loading({ src }: { src: string }) {
  const { t } = useI18n();
  return (
    <p className="status" role="status">
      {t.loading(isLocal(src) ? t.localFileClosed : src)}
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
