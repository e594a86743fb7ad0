// The messages between the app and the parse worker, and the app's side of the exchange.
import type { ImportChoices } from '../model/formats/generic-csv';
import type { ColumnsToMap } from '../model/formats/mapping-step';
import type { Incident, ParseResult, Problem } from '../model/incident';
import type { DecodeProgress } from '../model/incident-file';
import type { Warning } from '../model/incident-warnings';
import { shareTerms } from '../model/shared-terms';
import { inReadingOrder, intervalOf, readingOrderSorter, type ReadingOrder } from '../model/time';

/**
 * Events per `ahead` or `events` message. The events go to the page as JSON in slices rather than as one
 * structured clone: in Chromium, receiving a clone of 100,000 events blocked the page for seconds in one task,
 * while JSON.parse of the same data is several times faster and, sliced, leaves the page free to paint in between.
 * 2,000 a slice: its decode and parse plus the GC it may trigger took up to about 200 ms in loads of 100,000
 * full-field events; 5,000 took up to 276 ms, and 1,000 shortened the longest task (102-151 against 123-160 ms)
 * but left the load ready later (5.09 against 4.94 s, medians of 4 marked loads).
 */
export const EVENTS_PER_MESSAGE = 2000;

export interface FileRequest {
  type: 'parse';
  bytes: Uint8Array;
  name: string;
  /** A file opened from this computer may be any format the app imports; a `?src=` file is the app's JSON. */
  anyFormat?: boolean;
  /** How a generic CSV's columns map to event fields; without it, such a file asks for one. */
  mapping?: ImportChoices;
}

/**
 * A whole file (`parse`), or a downloading `?src=` file's bytes as they arrive: `begin`, a `chunk` for each part in
 * order, then `end` once the download is complete. The page reads the events from its own bytes meanwhile
 * (`streamFile` in parse-in-worker.ts), so the worker sends none ahead; `events` says how many the page read
 * (the worker compares it with the file's count; -1 when the page's are not the file's, the key being repeated).
 * `size` is the declared size.
 */
export type ParseRequest =
  | FileRequest
  | { type: 'begin'; name: string; size: number }
  | { type: 'chunk'; bytes: Uint8Array }
  | { type: 'end'; events: number };

/** A generic CSV's columns, for the user to map, with a guess from their names and a sample for the preview. */
export type Columns = ColumnsToMap;

/** An incident, its problems, or (for a generic CSV read without a mapping) the columns to map first. */
export type ReadResult = ParseResult | { ok: false; problems: Problem[]; columns: Columns };

export type ParseReply =
  /** The worker has loaded and can take the bytes (sent only then, so a worker that fails to load leaves them usable). */
  | { type: 'ready' }
  | { type: 'progress'; progress: DecodeProgress }
  | { type: 'problems'; problems: Problem[] }
  | { type: 'columns'; columns: Columns }
  /**
   * The incident without its events, as JSON, once it is valid; `end` follows. With `order`, its events are the
   * ones that came `ahead`, without their intervals, which `order` holds; without it, the sorted events follow it,
   * before `end`.
   */
  | { type: 'incident'; json: string; events: number; order?: ReadingOrder }
  /**
   * The next slice of the file's own events, in the file's order, as the UTF-8 bytes of a JSON array; sent before
   * the file is checked, they belong to the incident only if `incident` comes with an `order`.
   */
  | { type: 'ahead'; bytes: Uint8Array }
  /**
   * The file's fields but its events, as JSON, after the events `ahead`, before the check: the page may prepare
   * the incident's view while the worker checks it, and uses it only if `incident` comes with the same fields
   * and an `order` it agrees with.
   */
  | { type: 'unchecked'; json: string }
  /** The next slice of the sorted events, as a JSON array. */
  | { type: 'events'; json: string }
  | { type: 'end' }
  /** The incident's warnings, after `end`. */
  | { type: 'warnings'; warnings: Warning[] };

/** The events of a file read before its check, slice by slice, in the file's order (see `ahead`). */
export interface AheadEvents {
  /** Reads the next slice, the text of a JSON array of events. */
  read(text: string): void;
  /** Whether a slice was not JSON: the check then says what is wrong with the file. */
  readonly unread: boolean;
  /** The events read so far, in reading order. */
  sorted(): Incident['events'];
  /** The events read, in the file's order; they are forgotten here. */
  take(): Incident['events'];
  /** One string per term, for the events that come after the check too. */
  readonly terms: Map<string, string>;
}

export function aheadEvents(): AheadEvents {
  let events: Incident['events'] = [];
  let inOrder = readingOrderSorter<Incident['events'][number]>();
  let unread = false;
  const terms = new Map<string, string>();
  return {
    read(text) {
      try {
        const slice = JSON.parse(text) as Incident['events'];
        shareTerms(slice, terms);
        for (const e of slice) {
          // Here, slice by slice, rather than in one long task before the view can be prepared.
          const { startMs, endMs } = intervalOf(e);
          e.startMs = startMs;
          e.endMs = endMs;
          events.push(e);
          inOrder.add(e);
        }
      } catch {
        unread = true;
      }
    },
    get unread() {
      return unread;
    },
    sorted: () => inOrder.sorted(),
    take() {
      const taken = events;
      events = [];
      inOrder = readingOrderSorter();
      terms.clear();
      return taken;
    },
    terms,
  };
}

/**
 * The app's side: puts the incident back together from the replies; `receive` returns the incident on `end`.
 * `onUnchecked` gets the incident as the page reads it before the check: `receive` returns that very object if
 * the check agrees, so that what was prepared for it meanwhile is used. `ahead` holds the events read before the
 * check: those the worker sends, or those the page reads from a download it streams to the worker.
 */
export function incidentReceiver(
  onSlice?: (received: number, total: number) => void,
  onUnchecked?: (incident: Incident) => void,
  ahead: AheadEvents = aheadEvents(),
) {
  let head: Omit<Incident, 'events'> | undefined;
  let headJson: string | undefined;
  let total = 0;
  let fileOrder: ReadingOrder | undefined;
  let unchecked: { json: string; incident: Incident } | undefined;
  const received: Incident['events'] = [];
  const decoder = new TextDecoder();
  return (
    reply: Extract<ParseReply, { type: 'incident' | 'ahead' | 'unchecked' | 'events' | 'end' }>,
  ): Incident | undefined => {
    if (reply.type === 'incident') {
      headJson = reply.json;
      head = JSON.parse(reply.json) as Omit<Incident, 'events'>;
      total = reply.events;
      fileOrder = reply.order;
    } else if (reply.type === 'ahead') ahead.read(decoder.decode(reply.bytes));
    else if (reply.type === 'unchecked') {
      if (ahead.unread) return undefined;
      const fields = JSON.parse(reply.json) as Omit<Incident, 'events'>;
      const incident = { ...fields, events: ahead.sorted() };
      unchecked = { json: reply.json, incident };
      onUnchecked?.(incident);
    } else if (reply.type === 'events') {
      const slice = JSON.parse(reply.json) as Incident['events'];
      shareTerms(slice, ahead.terms);
      for (const e of slice) received.push(e);
      onSlice?.(received.length, total);
    } else if (head) {
      // The worker lives on for the warnings, and this function with it: it keeps no events past the end.
      const early = unchecked;
      const unread = ahead.unread;
      const inFile = ahead.take();
      unchecked = undefined;
      if (!fileOrder) return { ...head, events: received };
      if (unread || inFile.length !== fileOrder.order.length)
        throw new Error('the events sent ahead of the check could not be read');
      if (early && early.json === headJson && sameOrder(early.incident.events, inFile, fileOrder))
        return early.incident;
      return { ...head, events: inReadingOrder(inFile, fileOrder) };
    }
    return undefined;
  };
}

/** Whether `sorted` is the checked incident's events: the same objects, in its order, with its intervals. */
function sameOrder(
  sorted: Incident['events'],
  inFile: Incident['events'],
  { order, startMs, endMs }: ReadingOrder,
): boolean {
  for (let i = 0; i < order.length; i++) {
    const at = order[i]!;
    const e = sorted[i]!;
    if (e !== inFile[at] || e.startMs !== startMs[at] || e.endMs !== endMs[at]) return false;
  }
  return true;
}
