/** Marks `incident:ready` once per page: the first moment the incident is on screen (the benchmark reads it). */
export function markReady() {
  if (performance.getEntriesByName('incident:ready').length === 0)
    performance.mark('incident:ready');
}
