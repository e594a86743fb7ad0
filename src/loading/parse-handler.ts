// Reading a file's bytes as an incident: in the parse worker, or on the main thread for small files.
import { columnsToMap, importFile } from '../model/formats';
import type { ParseResult } from '../model/incident';
import { decodeIncidentFile, decodeText, type DecodeOptions } from '../model/incident-file';
import { incidentWarnings } from '../model/incident-warnings';
import {
  EVENTS_PER_MESSAGE,
  type ParseReply,
  type ParseRequest,
  type ReadResult,
} from './parse-messages';

/** Reads the request's bytes as an incident, or says which columns of a generic CSV to map first. */
export function readRequest(
  { bytes, name, anyFormat, mapping }: ParseRequest,
  onProgress?: DecodeOptions['onProgress'],
  parse?: (value: unknown) => ParseResult,
): ReadResult {
  if (!anyFormat) return decodeIncidentFile(bytes, name, { onProgress, parse });
  const decoded = decodeText(bytes, name, undefined, 'JSON or CSV');
  if (!decoded.ok) return decoded;
  const columns = mapping ? undefined : columnsToMap(name, decoded.text);
  if (columns) return { ok: false, problems: [], columns };
  return importFile(name, decoded.text, mapping, { onProgress });
}

/** What the worker does with a request; `post` sends a reply to the app; `parse` validates an incident file. */
export function handleParseRequest(
  request: ParseRequest,
  post: (reply: ParseReply) => void,
  eventsPerMessage = EVENTS_PER_MESSAGE,
  parse?: (value: unknown) => ParseResult,
): void {
  const result = readRequest(request, (progress) => post({ type: 'progress', progress }), parse);
  if ('columns' in result) return post({ type: 'columns', columns: result.columns });
  if (!result.ok) return post({ type: 'problems', problems: result.problems });
  const { events, ...rest } = result.incident;
  // Warnings scan every text of every event (about half a second at 100,000): here, not on the page.
  const warnings = incidentWarnings(result.incident);
  post({ type: 'incident', json: JSON.stringify(rest), events: events.length, warnings });
  for (let i = 0; i < events.length; i += eventsPerMessage)
    post({ type: 'events', json: JSON.stringify(events.slice(i, i + eventsPerMessage)) });
  post({ type: 'end' });
}
