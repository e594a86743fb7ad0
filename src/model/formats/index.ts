// The export formats the app offers, and import of a dropped file in whichever format it turns out to be.
import { problemText } from '../problem-codes';
import { parseIncident, type Incident, type ParseResult, type TimelineEvent } from '../incident';
import {
  DEFAULT_MAX_BYTES,
  decodeIncidentFile,
  decodeText,
  type DecodeProgress,
} from '../incident-file';
import { exportAppJson } from './app-json';
import { exportAttackFlow } from './attack-flow';
import { exportAttackNavigator } from './attack-navigator';
import { readCsvFirstRecord, readCsvHeaders } from './csv-cells';
import { exportCsv, importAppCsv, isAppCsvHeader } from './csv';
import { guessMapping, type ImportChoices, importGenericCsv } from './generic-csv';
import { type ColumnsToMap, readColumnsToMap } from './mapping-step';
import {
  importForensicCsv,
  importL2tcsv,
  importPlasoDynamic,
  isForensicCsv,
  isL2tcsvHeader,
  isPlasoDynamicHeader,
} from './plaso';
import type { ImportResult } from './imported-events';
import { exportMarkdown, type TableWords } from './markdown';
import { exportStix } from './stix';
import {
  exportTimesketchCsv,
  exportTimesketchJsonl,
  importTimesketchCsv,
  importTimesketchJsonl,
  isTimesketchHeader,
} from './timesketch';

export type { ColumnMapping, ImportChoices } from './generic-csv';
export { guessMapping } from './generic-csv';
export { readCsvHeaders } from './csv-cells';

export interface ExportFormat {
  id: string;
  label: string;
  /** File name ending without the leading dot; may itself contain a dot ("stix.json"). */
  extension: string;
  mimeType: string;
  /**
   * `events` is the subset to export (the filtered view); `lang` picks the language of text fields, and `words` the
   * Markdown table's own words in it.
   */
  export(incident: Incident, events: TimelineEvent[], lang: string, words: TableWords): string;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  {
    id: 'app-json',
    label: 'Incident file (JSON)',
    extension: 'json',
    mimeType: 'application/json',
    export: exportAppJson,
  },
  {
    id: 'csv',
    label: 'Spreadsheet (CSV)',
    extension: 'csv',
    mimeType: 'text/csv',
    export: exportCsv,
  },
  {
    id: 'markdown',
    label: 'Markdown table',
    extension: 'md',
    mimeType: 'text/markdown',
    export: exportMarkdown,
  },
  {
    id: 'timesketch-csv',
    label: 'Timesketch (CSV)',
    extension: 'timesketch.csv',
    mimeType: 'text/csv',
    export: exportTimesketchCsv,
  },
  {
    id: 'timesketch-jsonl',
    label: 'Timesketch (JSONL)',
    extension: 'jsonl',
    mimeType: 'application/x-ndjson',
    export: exportTimesketchJsonl,
  },
  {
    id: 'attack-navigator',
    label: 'ATT&CK Navigator layer',
    extension: 'layer.json',
    mimeType: 'application/json',
    export: exportAttackNavigator,
  },
  {
    id: 'stix',
    label: 'STIX 2.1 indicators',
    extension: 'stix.json',
    mimeType: 'application/stix+json;version=2.1',
    export: exportStix,
  },
  {
    id: 'attack-flow',
    label: 'Attack Flow',
    extension: 'attack-flow.json',
    mimeType: 'application/stix+json;version=2.1',
    export: exportAttackFlow,
  },
];

export type ImportFormat =
  | 'app-json'
  | 'timesketch-jsonl'
  | 'timesketch-csv'
  | 'plaso-l2tcsv'
  | 'plaso-dynamic'
  | 'forensic-csv'
  | 'app-csv'
  | 'generic-csv';

/** What a file holds, from its name and its first line. */
export function detectFormat(fileName: string, text: string): ImportFormat {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (/\.(jsonl|ndjson)$/i.test(fileName)) return 'timesketch-jsonl';
  if (body.startsWith('{')) {
    // An incident file spans many lines or, minified, has no "message"; a JSONL line is a whole object that has one.
    const firstLine = body.split('\n', 1)[0]!;
    try {
      const value: unknown = JSON.parse(firstLine);
      if (typeof value === 'object' && value !== null && 'message' in value)
        return 'timesketch-jsonl';
    } catch {
      // Not a whole object on the first line: a pretty-printed incident file.
    }
    return 'app-json';
  }
  if (body.startsWith('[') || /\.json$/i.test(fileName)) return 'app-json';
  const headers = readCsvHeaders(body);
  if (isAppCsvHeader(headers)) return 'app-csv';
  if (isL2tcsvHeader(headers)) return 'plaso-l2tcsv';
  // Checked before Timesketch: a dynamic CSV has the columns Timesketch needs, but none of the app's.
  if (isPlasoDynamicHeader(headers)) return 'plaso-dynamic';
  if (isTimesketchHeader(headers)) return 'timesketch-csv';
  return isForensicCsv(headers, readCsvFirstRecord(body)) ? 'forensic-csv' : 'generic-csv';
}

/** Forensic timelines open without a mapping step; rows sharing a time and host may still be grouped on request. */
export const groupsRows = (fileName: string, text: string): boolean =>
  ['plaso-l2tcsv', 'plaso-dynamic', 'forensic-csv'].includes(detectFormat(fileName, text));

function validated(result: ImportResult, fileName: string): ParseResult {
  if (!result.ok) return result;
  const parsed = parseIncident(result.file);
  if (parsed.ok) return parsed;
  return {
    ok: false,
    problems: parsed.problems.map((p) => ({ ...p, path: `${fileName}: ${p.path}` })),
  };
}

export interface ImportOptions {
  maxBytes?: number;
  onProgress?: (progress: DecodeProgress) => void;
}

/** A generic CSV's columns for the user to map, its first rows and distinct values; undefined for any other format. */
export function columnsToMap(fileName: string, text: string): ColumnsToMap | undefined {
  if (detectFormat(fileName, text) !== 'generic-csv') return undefined;
  return readColumnsToMap(text, fileName);
}

/**
 * Reads a file opened from this computer as an incident, in whichever format it is: the app's JSON, Timesketch
 * JSONL or CSV, or any CSV. A generic CSV uses `mapping`, or without one the guess from its column names; when
 * that guess lacks the time or title column, the problem says so and the UI should ask. Never throws.
 */
export function importFile(
  fileName: string,
  input: Uint8Array | string,
  mapping?: ImportChoices,
  { maxBytes = DEFAULT_MAX_BYTES, onProgress }: ImportOptions = {},
): ParseResult {
  const decoded = decodeText(input, fileName, maxBytes, 'JSON or CSV');
  if (!decoded.ok) return decoded;
  const { text } = decoded;
  const format = detectFormat(fileName, text);
  if (format === 'app-json')
    return decodeIncidentFile(text, fileName, parseIncident, { maxBytes, onProgress });
  onProgress?.({ stage: 'reading', bytes: text.length });
  if (format === 'timesketch-jsonl')
    return validated(importTimesketchJsonl(text, fileName), fileName);
  if (format === 'timesketch-csv') return validated(importTimesketchCsv(text, fileName), fileName);
  if (format === 'app-csv') return validated(importAppCsv(text, fileName), fileName);
  const group = mapping?.groupSameTime;
  if (format === 'plaso-l2tcsv') return validated(importL2tcsv(text, fileName, group), fileName);
  if (format === 'plaso-dynamic')
    return validated(importPlasoDynamic(text, fileName, group), fileName);
  if (format === 'forensic-csv')
    return validated(importForensicCsv(text, fileName, group), fileName);
  const chosen = mapping ?? guessMapping(readCsvHeaders(text));
  if (chosen.time === undefined || chosen.title === undefined)
    return {
      ok: false,
      problems: [{ path: `${fileName}: row 1`, ...problemText('choose-time-title', {}) }],
    };
  return validated(
    importGenericCsv(text, fileName, { ...chosen, time: chosen.time, title: chosen.title }),
    fileName,
  );
}
