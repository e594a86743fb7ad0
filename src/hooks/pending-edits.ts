// Values typed into a field that writes on leaving it (a time), written to the draft when the page goes away instead.
const pending = new Set<() => void>();

/** Registers a field's write of what it holds; returns the unregistering. */
export function holdPending(write: () => void): () => void {
  pending.add(write);
  return () => {
    pending.delete(write);
  };
}

/** Writes every field's typed value now, before the draft is rescued or saved. */
export function writePending() {
  for (const write of [...pending]) write();
}
