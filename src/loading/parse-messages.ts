// The messages between the app and the parse worker, and the app's side of the exchange.
import type { ImportChoices } from '../model/formats/generic-csv';
import type { ColumnsToMap } from '../model/formats/mapping-step';
import type { Incident, ParseResult, Problem } from '../model/incident';
import type { DecodeProgress } from '../model/incident-file';
import type { Warning } from '../model/incident-warnings';
import { rememberWarnings } from './known-warnings';

/**
 * Events per `events` message. The parsed incident goes back as JSON text in slices rather than as one structured
 * clone: in Chromium, receiving a clone of 100,000 events blocked the page for seconds in one task, while
 * JSON.parse of the same data is several times faster and, sliced, leaves the page free to paint in between.
 * 2,000 a slice: its parse plus the GC it may trigger (up to 140 ms) took at most 183 ms in traces; 5,000, 276 ms.
 */
export const EVENTS_PER_MESSAGE = 2000;

export interface ParseRequest {
  type: 'parse';
  bytes: Uint8Array;
  name: string;
  /** A file opened from this computer may be any format the app imports; a `?src=` file is the app's JSON. */
  anyFormat?: boolean;
  /** How a generic CSV's columns map to event fields; without it, such a file asks for one. */
  mapping?: ImportChoices;
}

/** A generic CSV's columns, for the user to map, with a guess from their names and a sample for the preview. */
export type Columns = ColumnsToMap;

/** An incident, its problems, or (for a generic CSV read without a mapping) the columns to map first. */
export type ReadResult = ParseResult | { ok: false; problems: Problem[]; columns: Columns };

/** For events sent in the file's order: the file index of each sorted event, and the intervals by file index. */
export interface FileOrder {
  order: Uint32Array;
  startMs: Float64Array;
  endMs: Float64Array;
}

export type ParseReply =
  /** The worker has loaded and can take the bytes (sent only then, so a worker that fails to load leaves them usable). */
  | { type: 'ready' }
  | { type: 'progress'; progress: DecodeProgress }
  | { type: 'problems'; problems: Problem[] }
  | { type: 'columns'; columns: Columns }
  /**
   * The incident without its events, as JSON, once it is valid; `end` follows. With `order`, the events came
   * before it, as the file's own text in the file's order and without their intervals, which `order` holds;
   * without it, the sorted events follow it, before `end`.
   */
  | { type: 'incident'; json: string; events: number; warnings: Warning[]; order?: FileOrder }
  /** The next slice of the events, as a JSON array. */
  | { type: 'events'; json: string }
  | { type: 'end' };

/** The app's side: puts the incident back together from the replies; `receive` returns the incident on `end`. */
export function incidentReceiver(onSlice?: (received: number, total: number) => void) {
  let head: Omit<Incident, 'events'> | undefined;
  let warnings: Warning[] = [];
  let total = 0;
  let fileOrder: FileOrder | undefined;
  const received: Incident['events'] = [];
  return (
    reply: Extract<ParseReply, { type: 'incident' | 'events' | 'end' }>,
  ): Incident | undefined => {
    if (reply.type === 'incident') {
      head = JSON.parse(reply.json) as Omit<Incident, 'events'>;
      total = reply.events;
      warnings = reply.warnings;
      fileOrder = reply.order;
      // Without an order, the events that came ahead are not the incident's: its own follow.
      if (!fileOrder) received.length = 0;
    } else if (reply.type === 'events') {
      for (const e of JSON.parse(reply.json) as Incident['events']) received.push(e);
      // Events that come before the incident arrive while the worker still checks the file, as its progress says.
      if (head) onSlice?.(received.length, total);
    } else if (head) {
      const incident = {
        ...head,
        events: fileOrder ? inReadingOrder(received, fileOrder) : received,
      };
      rememberWarnings(incident, warnings);
      return incident;
    }
    return undefined;
  };
}

/** The events received in the file's order, with their intervals, sorted. */
function inReadingOrder(inFile: Incident['events'], { order, startMs, endMs }: FileOrder) {
  inFile.forEach((e, i) => {
    e.startMs = startMs[i]!;
    e.endMs = endMs[i]!;
  });
  return Array.from(order, (i) => inFile[i]!);
}
