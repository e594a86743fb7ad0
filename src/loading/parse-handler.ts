// Reading a file's bytes as an incident: in the parse worker, or on the main thread for small files.
import { eventSpans } from '../model/event-spans';
import { columnsToMap, importFile } from '../model/formats';
import type { Incident } from '../model/incident';
import { decodeIncidentSource, decodeText, type DecodeOptions } from '../model/incident-file';
import type { IncidentSource } from '../model/incident-file';
import { incidentWarnings } from '../model/incident-warnings';
import {
  EVENTS_PER_MESSAGE,
  type FileOrder,
  type ParseReply,
  type ParseRequest,
  type ReadResult,
} from './parse-messages';

/** Reads the request's bytes as an incident, or says which columns of a generic CSV to map first. */
export function readRequest(
  request: ParseRequest,
  onProgress?: DecodeOptions['onProgress'],
): ReadResult {
  return readRequestSource(request, onProgress).result;
}

/** As readRequest, with the file's own text when it is the app's JSON and valid. */
function readRequestSource(
  { bytes, name, anyFormat, mapping }: ParseRequest,
  onProgress?: DecodeOptions['onProgress'],
  parse?: DecodeOptions['parse'],
): { result: ReadResult; source?: IncidentSource } {
  if (!anyFormat) return decodeIncidentSource(bytes, name, { onProgress, parse });
  const decoded = decodeText(bytes, name, undefined, 'JSON or CSV');
  if (!decoded.ok) return { result: decoded };
  const columns = mapping ? undefined : columnsToMap(name, decoded.text);
  if (columns) return { result: { ok: false, problems: [], columns } };
  return { result: importFile(name, decoded.text, mapping, { onProgress }) };
}

/** Where each sorted event stands in the file, and its interval, in the file's order. */
function fileOrder(events: Incident['events'], source: IncidentSource): FileOrder {
  const sortedAt = new Map<string, number>();
  events.forEach((e, i) => sortedAt.set(e.id, i));
  const order = new Uint32Array(events.length);
  const startMs = new Float64Array(events.length);
  const endMs = new Float64Array(events.length);
  source.events.forEach(({ id }, inFile) => {
    const sorted = sortedAt.get(id)!;
    order[sorted] = inFile;
    startMs[inFile] = events[sorted]!.startMs;
    endMs[inFile] = events[sorted]!.endMs;
  });
  return { order, startMs, endMs };
}

/** What the worker does with a request; `post` sends a reply to the app; `parse` validates an incident file. */
export function handleParseRequest(
  request: ParseRequest,
  post: (reply: ParseReply, transfer?: Transferable[]) => void,
  eventsPerMessage = EVENTS_PER_MESSAGE,
  parse?: DecodeOptions['parse'],
): void {
  const { result, source } = readRequestSource(
    request,
    (progress) => post({ type: 'progress', progress }),
    parse,
  );
  if ('columns' in result) return post({ type: 'columns', columns: result.columns });
  if (!result.ok) return post({ type: 'problems', problems: result.problems });
  const { events, ...rest } = result.incident;
  // Warnings scan every text of every event (about half a second at 100,000): here, not on the page.
  const warnings = incidentWarnings(result.incident);
  const json = JSON.stringify(rest);
  const spans = source && eventSpans(source.text, events.length);
  if (source && spans) {
    // The file's own text of its events: re-serializing them took most of the worker's time at 100,000 events.
    const order = fileOrder(events, source);
    post({ type: 'incident', json, events: events.length, warnings, order }, [
      order.order.buffer,
      order.startMs.buffer,
      order.endMs.buffer,
    ]);
    for (let i = 0; i < events.length; i += eventsPerMessage) {
      const last = Math.min(i + eventsPerMessage, events.length) - 1;
      post({ type: 'events', json: `[${source.text.slice(spans[2 * i], spans[2 * last + 1])}]` });
    }
  } else {
    post({ type: 'incident', json, events: events.length, warnings });
    for (let i = 0; i < events.length; i += eventsPerMessage)
      post({ type: 'events', json: JSON.stringify(events.slice(i, i + eventsPerMessage)) });
  }
  post({ type: 'end' });
}
