// Decodes an incident file's bytes on the main thread when small, in a Web Worker when large enough to freeze the page.
import { eventScanner } from '../model/event-spans';
import type { ImportChoices } from '../model/formats/generic-csv';
import type { Incident } from '../model/incident';
import type { DecodeProgress } from '../model/incident-file';
import { expectWarnings, forgetExpectedWarnings, rememberWarnings } from './known-warnings';
import {
  aheadEvents,
  EVENTS_PER_MESSAGE,
  incidentReceiver,
  type AheadEvents,
  type FileRequest,
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
  /** The download, already streamed to `createWorker`'s worker and ended (see streamFile). */
  stream?: FileStream;
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
  /** Sends the worker a request before it is taken: a file's bytes as they download (streamFile). */
  post(request: ParseRequest, transfer: Transferable[]): void;
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
    post: (request, transfer) => worker.postMessage(request, transfer),
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

/** A download whose bytes go to the parse worker as they arrive, while the page reads the events found whole. */
export interface FileStream {
  /** The download so far: the first `received` bytes of `buffer`, lent for the call (readBody's `onBytes`). */
  feed(buffer: Uint8Array, received: number): void;
  /**
   * The download is complete: true when the worker has had exactly `bytes`, and is told that they end; false when
   * nothing was streamed (a fast download) or the bytes are not what was fed (the body was not read in place to
   * its end): the file is then to be sent whole.
   */
  end(bytes: Uint8Array): boolean;
  /** The events the page has read from its bytes, for parseIncidentBytes' receiver. */
  readonly ahead: AheadEvents;
  /** Runs `then` once the slices queued so far have been read: at once when none is waiting. */
  after(then: () => void): void;
  /** Drops what is still queued; nothing more is read or sent. */
  stop(): void;
}

/** Bytes of a download sent to the worker at a time: each is a copy, the download's buffer being the page's. */
const STREAM_CHUNK_BYTES = 1024 * 1024;

/**
 * The download's speed, which decides whether it is streamed, is timed over its bytes `from` to `from + over`:
 * the first bytes wait in the network's buffer while the page starts (from a server on this machine, timed from
 * the response, the first 4 MiB came at 25-57 MB/s by the page's clock).
 */
export const STREAM_TIMING = { from: 1024 * 1024, over: 4 * 1024 * 1024 };

/**
 * Downloads slower than this (bytes a millisecond: 20 MB/s, 160 Mbit/s) are streamed. A fast one leaves the
 * threads no idle time to fill: streamed, the reading and parsing during the download slowed it (100,000
 * full-field events from a server on this 2-core machine, timed at 35-100 MB/s: the download 0.8 -> 1.9 s) and
 * the incident was ready later (5.0 -> 5.5 s).
 */
export const STREAM_BELOW_BYTES_PER_MS = 20_000;

/** The performance mark set when a download starts to stream. */
export const STREAMED_MARK = 'incident:streamed';

export interface StreamOptions {
  eventsPerSlice?: number;
  /** Which bytes of the download are timed (STREAM_TIMING). */
  timing?: typeof STREAM_TIMING;
  /** The clock that times the download (`performance.now`). */
  now?: () => number;
  /** Called with how many events the page has read, after each slice. */
  onRead?: (events: number) => void;
}

/**
 * Streams a slow `?src=` download to the parse worker (`post`), which parses its events as they come, while the
 * page reads the same events from its own bytes, `eventsPerSlice` at a time, each slice a task of its own: when
 * the download ends, the worker has the check left and the page its last slice. A download is streamed once
 * STREAM_TIMING shows it slower than STREAM_BELOW_BYTES_PER_MS; a faster one goes to the worker whole at its end,
 * as before (`end` says which).
 */
export function streamFile(
  post: (request: ParseRequest, transfer: Transferable[]) => void,
  name: string,
  size: number,
  {
    eventsPerSlice = EVENTS_PER_MESSAGE,
    timing: { from, over } = STREAM_TIMING,
    now = () => performance.now(),
    onRead,
  }: StreamOptions = {},
): FileStream {
  // Restarted at the first read past `from`.
  let timed = { at: now(), received: 0 };
  let timing = from > 0;
  const scanner = eventScanner();
  const ahead = aheadEvents();
  const decoder = new TextDecoder();
  const queue: (() => void)[] = [];
  let streaming = false;
  let fed = 0;
  let posted = 0;
  let sliced = 0;
  let stopped = false;
  // A task of its own for each: timers nested more than five deep wait at least 4 ms each.
  let channel: MessageChannel | undefined;
  const next = () => {
    if (queue.length === 0) {
      channel?.port1.close();
      channel = undefined;
      return;
    }
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => {
        queue.shift()?.();
        next();
      };
    }
    channel.port2.postMessage(null);
  };
  const enqueue = (task: () => void) => {
    queue.push(task);
    if (queue.length === 1) next();
  };
  const send = (buffer: Uint8Array, upTo: number) => {
    const chunk = buffer.slice(posted, upTo);
    posted = upTo;
    post({ type: 'chunk', bytes: chunk }, [chunk.buffer]);
  };
  // Each slice's text is decoded at once: the buffer is the download's, and its next read takes it.
  const slices = (buffer: Uint8Array, toEnd: boolean) => {
    // A file that repeats the events key starts them again: the worker sends the events then.
    const spans = scanner.arrays === 1 ? scanner.result().spans : undefined;
    while (
      spans &&
      (scanner.found - sliced >= eventsPerSlice || (toEnd && scanner.found > sliced))
    ) {
      const last = Math.min(sliced + eventsPerSlice, scanner.found) - 1;
      const text = decoder.decode(buffer.subarray(spans[2 * sliced], spans[2 * last + 1]));
      sliced = last + 1;
      const read = sliced;
      enqueue(() => {
        ahead.read(`[${text}]`);
        onRead?.(read);
      });
    }
  };
  return {
    ahead,
    feed(buffer, received) {
      if (stopped || received <= fed) return;
      if (!streaming) {
        if (timing) {
          if (received >= from) timed = { at: now(), received };
          timing = received < from;
          return;
        }
        const bytes = received - timed.received;
        if (bytes < over) return;
        if (bytes / Math.max(1, now() - timed.at) >= STREAM_BELOW_BYTES_PER_MS)
          return void (stopped = true);
        streaming = true;
        // For profiles and tests: which way this load went.
        performance.mark(STREAMED_MARK);
        post({ type: 'begin', name, size }, []);
      }
      scanner.scan(buffer, received);
      fed = received;
      if (received - posted >= STREAM_CHUNK_BYTES) send(buffer, received);
      slices(buffer, false);
    },
    end(bytes) {
      if (!streaming || stopped || bytes.byteLength !== fed) return false;
      if (posted < fed) send(bytes, fed);
      slices(bytes, true);
      const whole = scanner.arrays === 1 && scanner.found === sliced;
      post({ type: 'end', events: whole ? sliced : -1 }, []);
      return true;
    },
    after(then) {
      if (queue.length === 0) then();
      else enqueue(then);
    },
    stop() {
      stopped = true;
      queue.length = 0;
      next();
      ahead.take();
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
    stream,
  }: ParseBytesOptions = {},
): Promise<ReadResult> {
  const request: FileRequest = { type: 'parse', bytes, name, anyFormat, mapping };
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
      stream?.stop();
      // A stream's bytes stay the page's: no handler of this worker keeps them past its end.
      worker.onmessage = worker.onerror = worker.onmessageerror = null;
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
      stream?.ahead,
    );
    const handle = (data: Parameters<typeof receive>[0]) => {
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
    };
    worker.onmessage = ({ data }) => {
      switch (data.type) {
        case 'ready':
          if (sent) return;
          sent = true;
          // A stream's bytes are with the worker already, and the page keeps its own.
          if (!stream) worker.postMessage(request, [bytes.buffer]);
          return;
        case 'progress':
          return onProgress?.(data.progress);
        case 'problems':
          finish();
          return resolve({ ok: false, problems: data.problems });
        case 'columns':
          finish();
          return resolve({ ok: false, problems: [], columns: data.columns });
        case 'warnings': {
          const remember = () => {
            if (resolved) rememberWarnings(resolved, data.warnings);
            finish();
          };
          // After the incident they are about, which may still wait for the page's own slices of a stream.
          if (stream) stream.after(remember);
          else remember();
          return;
        }
        default:
          // After the page's own slices of a stream, which the worker's answer is about.
          if (stream) stream.after(() => handle(data));
          else handle(data);
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
