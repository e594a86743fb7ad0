// Decodes an incident file's bytes on the main thread when small, in a Web Worker when large enough to freeze the page.
import type { ImportChoices } from '../model/formats/generic-csv';
import type { Incident } from '../model/incident';
import type { DecodeProgress } from '../model/incident-file';
import { expectWarnings, forgetExpectedWarnings, rememberWarnings } from './known-warnings';
import {
  incidentReceiver,
  type ParseReply,
  type ParseRequest,
  type ReadResult,
} from './parse-messages';

/** The decoder's stages, then how many events a worker has sent after the check (imports; see parse-handler.ts). */
export type ParseProgress = DecodeProgress | { stage: 'receiving'; events: number; total: number };

/** Files this large or larger are parsed in a worker; smaller ones take less time to check than a worker to start. */
export const WORKER_THRESHOLD_BYTES = 2 * 1024 * 1024;

/** Files from this size checked on the page are checked by the generated validator first: zod's check was slower. */
export const FAST_CHECK_BYTES = 256 * 1024;

/** The slice of `Worker` used here, so tests can stand in a fake. */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<ParseReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  postMessage(message: ParseRequest, transfer: Transferable[]): void;
  terminate(): void;
}

export interface ParseBytesOptions {
  /** Size from which the worker is used; `WORKER_THRESHOLD_BYTES` by default. */
  threshold?: number;
  signal?: AbortSignal;
  createWorker?: () => WorkerLike;
  /** A file opened from this computer: any format the app imports, not only its JSON. */
  anyFormat?: boolean;
  /** The column mapping for a generic CSV. */
  mapping?: ImportChoices;
  /**
   * Gets a large incident file's incident as the page reads it while the worker still checks it; if the check
   * agrees, the result is that very object.
   */
  onUnchecked?: (incident: Incident) => void;
}

/** A chunk fetched once; one that failed to arrive (offline, a new deployment) is asked for again next time. */
function fetchedOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    }));
}

/** The main thread's decoder and validators, fetched with the first file, not with the page. */
const loadDecoder = fetchedOnce(() => import('../model/incident-file'));
const loadFastCheck = fetchedOnce(() => import('../model/incident-fast'));
/** zod and the format's schemas: the small files' validator, and what a file the fast check refuses is told. */
const loadZod = fetchedOnce(() => import('../model/incident'));

/**
 * Fetches the page's decoder and, once the file's size is known, what checks a file of `size` bytes on the page,
 * so that it arrives while the file downloads: from FAST_CHECK_BYTES the fast check without zod, whose code (its
 * schemas built, 25-40 ms of the page's thread in traced loads of 1,000 events) then loads only for a file that
 * check refuses.
 */
export function preloadPageCheck(size?: number): void {
  loadDecoder().catch(() => undefined);
  if (size === undefined) return;
  if (size >= FAST_CHECK_BYTES) loadFastCheck().catch(() => undefined);
  else loadZod().catch(() => undefined);
}

async function decodeOnPage(
  bytes: Uint8Array,
  name: string,
  onProgress: ((progress: ParseProgress) => void) | undefined,
): Promise<ReadResult> {
  // Without the generated validator (its chunk failed to arrive), zod alone checks the file.
  const fast =
    bytes.byteLength >= FAST_CHECK_BYTES ? await loadFastCheck().catch(() => undefined) : undefined;
  const { readIncidentJson, withFileName } = await loadDecoder();
  const read = readIncidentJson(bytes, name, { onProgress });
  if (!read.ok) return read;
  const checked = fast?.fastCheck(read.value);
  if (checked)
    return checked.ok ? { ok: true, incident: checked.incident() } : withFileName(checked, name);
  return withFileName((await loadZod()).parseIncident(read.value), name);
}

// Vite finds this exact `new Worker(new URL(...))` shape and bundles parse-worker.ts as its own chunk.
const startWorker = (): WorkerLike =>
  new Worker(new URL('./parse-worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as WorkerLike;

/** A parse worker started before its bytes arrive. */
export interface EarlyWorker {
  /** The worker, for `parseIncidentBytes`' `createWorker`; what it said before this call is replayed. */
  take(): WorkerLike;
  /** Ends the worker when nobody took it (the file turned out small, or the download failed). */
  drop(): void;
}

const HANDLERS = ['onmessage', 'onerror', 'onmessageerror'] as const;

/**
 * Starts a parse worker now, so that its code (the validators, 280 KB) loads while the file downloads; it holds
 * what the worker says until it is taken. Undefined where no worker can be made (a file:// page).
 */
export function startWorkerEarly(create: () => WorkerLike = startWorker): EarlyWorker | undefined {
  let worker: WorkerLike;
  try {
    worker = create();
  } catch {
    return undefined;
  }
  const held: [(typeof HANDLERS)[number], Event][] = [];
  let taken = false;
  const target: WorkerLike = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage: (message, transfer) => worker.postMessage(message, transfer),
    terminate: () => worker.terminate(),
  };
  const deliver = (kind: (typeof HANDLERS)[number], event: Event) =>
    (target[kind] as ((event: Event) => void) | null)?.(event);
  for (const kind of HANDLERS)
    worker[kind] = (event: Event) => {
      if (taken) return deliver(kind, event);
      // As parseIncidentBytes does: a worker that fails to load is reported here, not as an uncaught error.
      if (kind === 'onerror') event.preventDefault();
      held.push([kind, event]);
    };
  return {
    take() {
      taken = true;
      // parseIncidentBytes sets its handlers as soon as it has the worker, before this runs.
      queueMicrotask(() => held.splice(0).forEach(([kind, event]) => deliver(kind, event)));
      return target;
    },
    drop() {
      if (!taken) worker.terminate();
    },
  };
}

/**
 * Decodes and validates an incident file, from a URL or from this computer. At or above `threshold` bytes the
 * work happens in a Web Worker, and the bytes are transferred to it (the caller's array is then empty); where
 * workers are unavailable or the worker fails to load, on the main thread. Never rejects for a bad file (that is
 * a `{ ok: false }` result); rejects when aborted or when the worker dies mid-parse.
 */
export function parseIncidentBytes(
  bytes: Uint8Array,
  name: string,
  onProgress?: (progress: ParseProgress) => void,
  {
    threshold = WORKER_THRESHOLD_BYTES,
    signal,
    createWorker,
    anyFormat,
    mapping,
    onUnchecked,
  }: ParseBytesOptions = {},
): Promise<ReadResult> {
  const request: ParseRequest = { type: 'parse', bytes, name, anyFormat, mapping };
  // The importers load with the first file opened from this computer, not with the page.
  const onMainThread = async (): Promise<ReadResult> =>
    anyFormat
      ? (await import('./parse-handler')).readImport(request, onProgress)
      : decodeOnPage(bytes, name, onProgress);
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  const canUseWorker = createWorker !== undefined || typeof Worker !== 'undefined';
  if (bytes.byteLength < threshold || !canUseWorker) return Promise.resolve().then(onMainThread);

  return new Promise<ReadResult>((resolve, reject) => {
    let worker: WorkerLike;
    try {
      worker = (createWorker ?? startWorker)();
    } catch {
      resolve(onMainThread());
      return;
    }
    let sent = false;
    // The incident, once resolved, until its warnings come: the worker ends only then.
    let resolved: Incident | undefined;
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
      // Warnings that will not come now are computed on the page, when shown.
      if (resolved) forgetExpectedWarnings(resolved);
    };
    const onAbort = () => {
      finish();
      reject(abortReason(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const receive = incidentReceiver(
      (events, total) => onProgress?.({ stage: 'receiving', events, total }),
      onUnchecked,
    );
    worker.onmessage = ({ data }) => {
      switch (data.type) {
        case 'ready':
          if (sent) return;
          sent = true;
          worker.postMessage(request, [bytes.buffer]);
          return;
        case 'progress':
          return onProgress?.(data.progress);
        case 'problems':
          finish();
          return resolve({ ok: false, problems: data.problems });
        case 'columns':
          finish();
          return resolve({ ok: false, problems: [], columns: data.columns });
        case 'warnings':
          if (resolved) rememberWarnings(resolved, data.warnings);
          return finish();
        default: {
          let incident: Incident | undefined;
          try {
            incident = receive(data);
          } catch (error) {
            finish();
            return reject(new Error(`Could not read ${name}: ${(error as Error).message}`));
          }
          if (incident) {
            resolved = incident;
            expectWarnings(incident);
            resolve({ ok: true, incident });
          }
        }
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish();
      // Before the bytes were handed over, the main thread can still do the work.
      if (!sent) resolve(onMainThread());
      else
        reject(
          new Error(
            `Could not read ${name}: the parser stopped (${event.message || 'worker error'})`,
          ),
        );
    };
    worker.onmessageerror = () => {
      finish();
      reject(new Error(`Could not read ${name}: the parser's answer could not be received`));
    };
  });
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}
