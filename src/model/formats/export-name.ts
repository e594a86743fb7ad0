// Export file names: a filtered view's export says in its name that it holds only some of the events.

/** `<incident>.<ext>`, or `<incident>-filtered.<ext>` when filters left out some of the incident's events. */
export function exportFileName(
  incidentId: string,
  extension: string,
  shown: number,
  total: number,
): string {
  return `${incidentId}${isFiltered(shown, total) ? '-filtered' : ''}.${extension}`;
}

/** Whether an export of `shown` events out of `total` leaves some out. */
export const isFiltered = (shown: number, total: number) => shown < total;
