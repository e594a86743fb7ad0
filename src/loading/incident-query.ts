import { queryOptions, useQuery } from '@tanstack/react-query';
import { formatCount } from '../model/format-count';
import type { Incident, Problem } from '../model/incident';
import { problemCount } from '../model/problems';
import { tooLargeProblem } from '../model/file-size';
import { checkSource } from '../model/urls';
import { ALLOWED_SOURCES, MAX_INCIDENT_BYTES } from './limits';
import { cancellable, LoadCancelledError, untilAborted } from './load-cancel';
import { setLoadProgress } from './load-progress';
import { readBody, type BodyProgress } from './read-body';
import { isLocal } from './open-file';
import { draftSource, isDraftSource, loadDraft } from './draft-source';
import type { ViewState } from '../model/view-state';
export { useLoadProgress, type LoadProgress } from './load-progress';
import {
  parseIncidentBytes,
  preloadPageCheck,
  startWorkerEarly,
  streamFile,
  WORKER_THRESHOLD_BYTES,
  type EarlyWorker,
  type FileStream,
} from './parse-in-worker';
import { indexWhileChecking, prepareInSteps } from './prepare-incident';

export const DEFAULT_SOURCE = 'data/cloudflare-thanksgiving-2023.json';

/** Thrown for a file that loads but does not validate, so the view can list each problem. */
export class IncidentFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: Problem[],
  ) {
    const count = problemCount(problems);
    super(
      `${file} is not a valid incident file (${formatCount(count)} problem${count === 1 ? '' : 's'})`,
    );
  }
}

export interface LoadOptions {
  signal?: AbortSignal;
  /** The page's address, against which a relative `src` resolves. */
  pageUrl?: string;
  allowlist?: readonly string[];
  maxBytes?: number;
}

const tooLarge = (src: string, size: number, maxBytes: number) =>
  new IncidentFileError(src, [tooLargeProblem(src, size, maxBytes)]);

/** Shown instead of the `src` text, which anyone can write into a link: the file name there proves nothing. */
export const LOCAL_FILE_GONE =
  'This incident was opened from a file on this computer and is no longer in memory; open the file again.';

async function download(
  src: string,
  url: string,
  signal: AbortSignal | undefined,
  cancel: AbortSignal,
  maxBytes: number,
  onSize: (declared: number) => void,
  onProgress: (progress: BodyProgress) => void,
  onBytes: (buffer: Uint8Array, received: number) => void,
): Promise<Uint8Array> {
  // Redirects are not followed: the source policy checked this URL, not wherever a server would send the request.
  const requested = fetch(url, { signal, redirect: 'manual' });
  const response = await untilCancelled(requested, cancel);
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    await response.body?.cancel();
    throw new Error(
      `Refused to load ${JSON.stringify(src)}: the server redirects it to another address, and redirects are not followed; link to the file's final address instead.`,
    );
  }
  if (!response.ok)
    throw new Error(
      `Could not load ${src}: the server answered ${response.status} ${response.statusText}`,
    );
  // A declared size over the limit is refused before the body is downloaded.
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(src, declared, maxBytes);
  }
  // A compressed response declares its compressed size, which says nothing of the file's.
  const encoding = response.headers.get('content-encoding');
  onSize(encoding && encoding !== 'identity' ? 0 : declared);
  return readBody(response, maxBytes, (size) => tooLarge(src, size, maxBytes), {
    onProgress,
    signal: cancel,
    onBytes,
  });
}

/** The response, or a rejection as soon as the user cancels; a response that arrives after that is dropped. */
function untilCancelled(requested: Promise<Response>, cancel: AbortSignal): Promise<Response> {
  requested.then(
    (response) => (cancel.aborted ? response.body?.cancel() : undefined),
    () => undefined,
  );
  return untilAborted(requested, cancel);
}

/** The single-file build carries the bundled incident in a JSON data block, since file:// pages cannot fetch. */
function bundledBytes(src: string): Uint8Array | undefined {
  if (src !== DEFAULT_SOURCE || typeof document === 'undefined') return undefined;
  const block = document.getElementById('bundled-incident');
  return block?.textContent ? new TextEncoder().encode(block.textContent) : undefined;
}

/**
 * Checks `src` against the source policy, fetches and decodes it (in a worker when large), and throws an error
 * that says what went wrong. Progress goes to the load-progress store (read it with useLoadProgress(src)).
 */
export async function loadIncident(
  src: string,
  {
    signal,
    pageUrl = document.baseURI,
    allowlist = ALLOWED_SOURCES,
    maxBytes = MAX_INCIDENT_BYTES,
  }: LoadOptions = {},
) {
  if (isDraftSource(src)) return loadDraft(src, signal);
  if (isLocal(src)) throw new Error(LOCAL_FILE_GONE);
  const bundled = bundledBytes(src);
  // Before any request: a refused URL is never fetched, and the URL that passed the check is the one fetched.
  const check = bundled ? undefined : checkSource(src, pageUrl, allowlist);
  if (check && !check.ok) throw new Error(check.reason);
  setLoadProgress(src, { stage: 'downloading', received: 0 });
  const cancel = cancellable(src);
  const both = signal ? AbortSignal.any([signal, cancel.signal]) : cancel.signal;
  let early: EarlyWorker | undefined;
  let stream: FileStream | undefined;
  // The download's progress, and the events a streamed download has given the page so far.
  let downloaded: BodyProgress & { events?: number } = { received: 0 };
  const showDownload = (progress: Partial<typeof downloaded>) => {
    downloaded = { ...downloaded, ...progress };
    setLoadProgress(src, { stage: 'downloading', ...downloaded });
  };
  // The page's decoder downloads while the file does; the file's size, once known, says what else checks it.
  preloadPageCheck(bundled?.byteLength);
  // A size of 0 is unknown (none declared, or compressed, as most hosts send JSON): zod is fetched then, as small
  // files need it, and the fast check once the bytes are in, if they are many. A file for the worker goes to it
  // as it downloads, if the download is slow (streamFile).
  const prepareFor = (size: number) => {
    if (size >= WORKER_THRESHOLD_BYTES && typeof Worker !== 'undefined') early = startWorkerEarly();
    if (early)
      stream = streamFile((request, transfer) => early!.post(request, transfer), src, size, {
        // Only while downloading: the parser's stages follow the download.
        onRead: (events) => void (downloading && showDownload({ events })),
      });
    else preloadPageCheck(size);
  };
  // The chart's model and the search index are prepared while the worker checks the file, and given up if the file
  // fails or the load ends (the screen then goes on building the index).
  const preparing = new AbortController();
  let downloading = true;
  let unchecked: Incident | undefined;
  try {
    const bytes =
      bundled ??
      (await download(
        src,
        check!.url,
        signal,
        cancel.signal,
        maxBytes,
        prepareFor,
        showDownload,
        (buffer, received) => stream?.feed(buffer, received),
      ));
    downloading = false;
    // A fast download, or one whose bytes were not all fed, goes to the worker whole: its slices are dropped.
    const streamed = stream?.end(bytes) ? stream : undefined;
    if (!streamed) stream?.stop();
    const result = await parseIncidentBytes(
      bytes,
      src,
      (progress) => setLoadProgress(src, progress),
      {
        signal: both,
        createWorker: early && (() => early!.take()),
        stream: streamed,
        onUnchecked: (incident) => {
          unchecked = incident;
          const stillChecking = AbortSignal.any([both, preparing.signal]);
          void prepareInSteps(incident, stillChecking).catch(() => undefined);
          indexWhileChecking(incident, stillChecking);
        },
      },
    );
    if (!result.ok) throw new IncidentFileError(src, result.problems);
    // The check kept another incident (zod's output, or one sorted differently): what was prepared is not its.
    if (result.incident !== unchecked) preparing.abort();
    // Steps already taken for this incident while it was checked are remembered, and not taken again.
    await prepareInSteps(result.incident, both);
    return result.incident;
  } catch (error) {
    throw cancel.signal.aborted ? new LoadCancelledError(src) : error;
  } finally {
    preparing.abort();
    stream?.stop();
    early?.drop();
    cancel.release();
    setLoadProgress(src, undefined);
  }
}

/** What a view loads: its draft, else its `src`, else the bundled incident. */
export const sourceOf = (state: ViewState) =>
  state.draft ? draftSource(state.draft) : (state.src ?? DEFAULT_SOURCE);

export const incidentQueryOptions = (src: string) =>
  queryOptions({
    queryKey: ['incident', src],
    queryFn: ({ signal }) => loadIncident(src, { signal }),
    staleTime: Infinity,
    retry: false,
    // The first render waits for the load (main.tsx): a failure it saw is shown, not loaded a second time when the
    // screen mounts, nor when the tab comes back into view or the network comes back (a cancelled 100 MB download
    // would start again). Load it again (a reload) tries again, and so does opening the same source once more.
    retryOnMount: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    // An incident is a new value on each load or edit; sharing its structure compared every event of the old and the
    // new (128-168 ms of each keystroke in a draft of 100,000 events).
    structuralSharing: false,
  });

export function useIncident(src: string) {
  return useQuery(incidentQueryOptions(src));
}
