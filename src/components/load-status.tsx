import { IncidentFileError } from '../loading/incident-query';

export function Loading({ src }: { src: string }) {
  return (
    <p className="status" role="status">
      Loading {src}…
    </p>
  );
}

/** A load failure, with every validation problem listed by path. */
export function LoadError({ error }: { error: Error }) {
  return (
    <section className="status status-error" role="alert">
      <h2>The incident could not be opened</h2>
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
  return (
    <p className="status" role="status">
      This incident has no events yet.
    </p>
  );
}
