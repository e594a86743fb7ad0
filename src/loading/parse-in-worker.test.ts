import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { ColumnMapping } from '../model/formats/generic-csv';
import { parseIncident, type Incident } from '../model/incident';
import { generateIncident } from '../../bench/generate';
import { decodeIncidentFile } from '../model/incident-file';
import { minimalIncident } from '../model/test-incident';
import type * as Zod from '../model/incident';
import { fastCheck } from '../model/incident-fast';
import type * as Fast from '../model/incident-fast';
import { checkIncidentFast } from '../model/incident-fast-zod';
import {
  FAST_CHECK_BYTES,
  parseIncidentBytes,
  startWorkerEarly,
  streamFile,
  WORKER_THRESHOLD_BYTES,
  type ParseProgress,
  type WorkerLike,
} from './parse-in-worker';
import { subscribeWarnings, warningsFor } from './known-warnings';
import { handleParseRequest, parseRequests } from './parse-handler';
import { sayIssue } from '../model/zod-issue';
import {
  EVENTS_PER_MESSAGE,
  incidentReceiver,
  type ParseReply,
  type ParseRequest,
} from './parse-messages';

vi.mock('../model/incident-fast', async (original) => {
  const fast = await original<typeof Fast>();
  return { ...fast, fastCheck: vi.fn(fast.fastCheck) };
});
vi.mock('../model/incident', async (original) => {
  const zod = await original<typeof Zod>();
  return { ...zod, parseIncident: vi.fn(zod.parseIncident) };
});

const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** What the worker replies to a file's bytes, with its real check. */
function workerReplies(bytes: Uint8Array, name: string, eventsPerMessage?: number): ParseReply[] {
  const replies: ParseReply[] = [];
  handleParseRequest(
    { type: 'parse', bytes: bytes.slice(), name },
    (r) => replies.push(r),
    eventsPerMessage,
    checkIncidentFast,
  );
  return replies;
}

/** A worker that runs the real handler in this thread, asynchronously, as a browser would. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<ParseReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  received: { message: ParseRequest; transfer: Transferable[] }[] = [];
  terminated = false;
  private readonly handle: (request: ParseRequest) => void;

  constructor(
    private readonly failToLoad = false,
    eventsPerMessage?: number,
  ) {
    this.handle = parseRequests((reply) => this.reply(reply), eventsPerMessage, checkIncidentFast);
    setTimeout(() => {
      if (this.failToLoad)
        this.onerror?.({ message: 'load failed', preventDefault: () => {} } as ErrorEvent);
      else this.reply({ type: 'ready' });
    });
  }

  postMessage(message: ParseRequest, transfer: Transferable[]) {
    this.received.push({ message, transfer });
    setTimeout(() => this.handle(message));
  }

  terminate() {
    this.terminated = true;
  }

  private reply(data: ParseReply) {
    if (!this.terminated) this.onmessage?.({ data } as MessageEvent<ParseReply>);
  }
}

describe('parseIncidentBytes', () => {
  it('parses small files on the main thread, reporting progress', async () => {
    const createWorker = vi.fn(() => new FakeWorker());
    const progress: ParseProgress[] = [];
    const result = await parseIncidentBytes(
      bytesOf(minimalIncident()),
      'a.json',
      (p) => progress.push(p),
      { createWorker },
    );
    expect(result.ok).toBe(true);
    expect(createWorker).not.toHaveBeenCalled();
    expect(progress.map((p) => p.stage)).toEqual(['reading', 'validating']);
  });

  it('parses on the main thread where there is no Worker, whatever the size', async () => {
    expect(typeof Worker).toBe('undefined');
    const result = await parseIncidentBytes(bytesOf(minimalIncident()), 'a.json', undefined, {
      threshold: 0,
    });
    expect(result.ok && result.incident.events.map((e) => e.id)).toEqual([
      'first-login',
      'second-login',
    ]);
  });

  it('hands large files to the worker once it is ready, transferring the bytes, and relays its progress', async () => {
    const worker = new FakeWorker();
    const bytes = bytesOf(minimalIncident());
    const progress: ParseProgress[] = [];
    const result = await parseIncidentBytes(bytes, 'big.json', (p) => progress.push(p), {
      threshold: 1,
      createWorker: () => worker,
    });
    expect(result.ok && result.incident.events).toHaveLength(2);
    expect(worker.received[0]!.message).toMatchObject({ type: 'parse', name: 'big.json' });
    expect(worker.received[0]!.transfer).toEqual([bytes.buffer]);
    expect(progress).toEqual([
      { stage: 'reading', bytes: bytes.byteLength },
      { stage: 'validating', events: 2 },
    ]);
    expect(worker.terminated).toBe(true);
  });

  it('gets back from the worker the same incident the main thread makes', async () => {
    const bytes = bytesOf(generateIncident(217, 3));
    const expected = decodeIncidentFile(bytes, 'big.json', parseIncident);
    const result = await parseIncidentBytes(bytes, 'big.json', undefined, {
      threshold: 1,
      createWorker: () => new FakeWorker(false, 100),
    });
    expect(result).toEqual(expected);
  });

  it("sends the file's own text of its events, in the file's order, and the page puts them in reading order", async () => {
    const file = generateIncident(217, 3);
    // Shuffled and indented: the slices must follow the file, and the page the sorted order.
    const shuffled = file.events
      .map((e, i) => ({ e, key: (i * 7919) % 217 }))
      .sort((a, b) => a.key - b.key)
      .map(({ e }) => e);
    const text = JSON.stringify({ ...file, events: shuffled }, null, 2);
    const bytes = new TextEncoder().encode(text);
    const expected = decodeIncidentFile(bytes, 'big.json', parseIncident);
    const replies = workerReplies(bytes, 'big.json', 100);
    // The events' bytes go first, before the file is decoded, then the check's answer.
    expect(replies.map((r) => r.type)).toEqual([
      ...['progress', 'ahead', 'ahead', 'ahead', 'progress'],
      ...['unchecked', 'incident', 'end', 'warnings'],
    ]);
    const slices = replies.flatMap((r) =>
      r.type === 'ahead' ? [new TextDecoder().decode(r.bytes)] : [],
    );
    for (const json of slices) expect(text).toContain(json.slice(1, -1));
    expect(JSON.parse(slices[0]!)[0].id).toBe(shuffled[0]!.id);
    const result = await parseIncidentBytes(bytes, 'big.json', undefined, {
      threshold: 1,
      createWorker: () => new FakeWorker(false, 100),
    });
    expect(result).toEqual(expected);
    expect(result.ok && result.incident.events.map((e) => e.id)).not.toEqual(
      shuffled.map((e) => e.id),
    );
  });

  it('hands over the incident read before the check, and returns that very object when the check agrees', async () => {
    const bytes = bytesOf(generateIncident(217, 3, 'full'));
    const expected = decodeIncidentFile(bytes, 'big.json', parseIncident);
    const early: Incident[] = [];
    const result = await parseIncidentBytes(bytes, 'big.json', undefined, {
      threshold: 1,
      createWorker: () => new FakeWorker(false, 100),
      onUnchecked: (incident) => early.push(incident),
    });
    expect(early).toHaveLength(1);
    expect(result.ok && result.incident).toBe(early[0]);
    expect(result).toEqual(expected);
  });

  it('drops the incident read before the check when the checked one differs, or the file fails', async () => {
    const file = generateIncident(5, 3, 'full');
    const proto = JSON.stringify(file).replace('"title":{', '"title":{"__proto__":{"not":"text"},');
    const early: Incident[] = [];
    const options = {
      threshold: 1,
      createWorker: () => new FakeWorker(),
      onUnchecked: (incident: Incident) => early.push(incident),
    };
    const differs = await parseIncidentBytes(
      new TextEncoder().encode(proto),
      'big.json',
      undefined,
      options,
    );
    expect(early).toHaveLength(1);
    expect(differs.ok && differs.incident).not.toBe(early[0]);
    expect(differs).toEqual(
      decodeIncidentFile(new TextEncoder().encode(proto), 'big.json', parseIncident),
    );
    file.events[1]!.phase = 'nope';
    const fails = await parseIncidentBytes(bytesOf(file), 'bad.json', undefined, options);
    expect(early).toHaveLength(2);
    expect(fails.ok).toBe(false);
  });

  describe("the page's reading before the check", () => {
    // In the file: c, a, b. Sorted by time: a, b, c, so each sorted event's place in the file is 1, 2, 0.
    const inFile = ['c', 'a', 'b'].map((id) => ({
      id,
      start: `2023-01-0${'abc'.indexOf(id) + 1}T00:00Z`,
      precision: 'minute',
    }));
    const fields = JSON.stringify({ title: 'x' });
    const interval = (i: number) => Date.parse(inFile[i]!.start);
    const replies = (order: number[], json = fields): ParseReply[] => [
      { type: 'ahead', bytes: new TextEncoder().encode(JSON.stringify(inFile)) },
      { type: 'unchecked', json: fields },
      {
        type: 'incident',
        json,
        events: 3,
        order: {
          order: Uint32Array.from(order),
          startMs: Float64Array.from(inFile, (_, i) => interval(i)),
          endMs: Float64Array.from(inFile, (_, i) => interval(i) + 60_000),
        },
      },
      { type: 'end' },
    ];
    const receive = (messages: ParseReply[]) => {
      const early: Incident[] = [];
      const receiver = incidentReceiver(undefined, (incident) => early.push(incident));
      let incident: Incident | undefined;
      for (const m of messages)
        incident = receiver(m as Parameters<typeof receiver>[0]) ?? incident;
      return { early: early[0], incident: incident! };
    };

    it('is the incident when the check sorts it the same and has the same fields', () => {
      const { early, incident } = receive(replies([1, 2, 0]));
      expect(incident).toBe(early);
      expect(incident.events.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    });

    it("gives way to the check's order when it differs", () => {
      const { early, incident } = receive(replies([0, 2, 1]));
      expect(early?.events.map((e) => e.id)).toEqual(['a', 'b', 'c']);
      expect(incident).not.toBe(early);
      expect(incident.events.map((e) => e.id)).toEqual(['c', 'b', 'a']);
    });

    it("gives way to the check's fields when they differ", () => {
      const { early, incident } = receive(replies([1, 2, 0], JSON.stringify({ title: 'y' })));
      expect(incident).not.toBe(early);
      expect(incident.title).toBe('y');
      expect(incident.events.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    });

    it("gives way to the check's intervals when they differ", () => {
      const messages = replies([1, 2, 0]);
      const head = messages[2] as Extract<ParseReply, { type: 'incident' }>;
      head.order!.endMs[0]! += 1;
      const { early, incident } = receive(messages);
      expect(incident).not.toBe(early);
      expect(incident.events[2]!.endMs).toBe(interval(0) + 60_001);
    });
  });

  it("sends the checked incident, not the text sent ahead, when zod's output differs from the file", async () => {
    const file = generateIncident(5, 3, 'full');
    const text = JSON.stringify(file).replace('"title":{', '"title":{"__proto__":{"not":"text"},');
    const bytes = new TextEncoder().encode(text);
    const expected = decodeIncidentFile(bytes, 'big.json', parseIncident);
    expect(expected.ok).toBe(true);
    const replies = workerReplies(bytes, 'big.json', 100);
    expect(replies.map((r) => r.type)).toEqual([
      ...['progress', 'ahead', 'progress', 'unchecked', 'incident', 'events', 'end', 'warnings'],
    ]);
    const result = await parseIncidentBytes(bytes, 'big.json', undefined, {
      threshold: 1,
      createWorker: () => new FakeWorker(false, 100),
    });
    expect(result).toEqual(expected);
    const titles = result.ok ? result.incident.events.map((e) => e.title) : [];
    expect(titles.some((t) => Object.hasOwn(t as object, '__proto__'))).toBe(false);
  });

  it('sends an incident without events', async () => {
    const file = { ...minimalIncident(), events: [] };
    const result = await parseIncidentBytes(bytesOf(file), 'empty.json', undefined, {
      threshold: 1,
      createWorker: () => new FakeWorker(),
    });
    expect(result).toEqual(decodeIncidentFile(bytesOf(file), 'empty.json', parseIncident));
    expect(result.ok && result.incident.events).toEqual([]);
  });

  it('sends events in slices of EVENTS_PER_MESSAGE by default', () => {
    const bytes = bytesOf(generateIncident(EVENTS_PER_MESSAGE + 1, 3));
    const replies = workerReplies(bytes, 'big.json');
    expect(replies.map((r) => r.type)).toEqual([
      'progress',
      'ahead',
      'ahead',
      'progress',
      'unchecked',
      'incident',
      'end',
      'warnings',
    ]);
  });

  it('returns the problems of a bad file from the worker without rejecting', async () => {
    const file = minimalIncident();
    file.events[0]!.phase = 'nope';
    const result = await parseIncidentBytes(bytesOf(file), 'bad.json', undefined, {
      threshold: 1,
      createWorker: () => new FakeWorker(),
    });
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual([
      'bad.json: events[0].phase',
    ]);
    // The events went to the page before the check failed; the page drops them.
    expect(workerReplies(bytesOf(file), 'bad.json').map((r) => r.type)).toEqual([
      'progress',
      'ahead',
      'progress',
      'unchecked',
      'problems',
    ]);
  });

  it("brings zod's own problem from the worker with zod's issue, which its locale of the UI language says", async () => {
    const file = minimalIncident() as unknown as { events: Record<string, unknown>[] };
    file.events[0]!.systems = 'vpn';
    const result = await parseIncidentBytes(bytesOf(file), 'bad.json', undefined, {
      threshold: 1,
      createWorker: () => new FakeWorker(),
    });
    // As a browser's worker sends it.
    const [problem] = structuredClone(result.ok ? [] : result.problems);
    expect(problem!.message).toBe('Invalid input: expected array, received string');
    expect(sayIssue(problem!.zodIssue!, 'zh-Hant')).toBe(
      '無效的輸入值：預期為 array，但收到 string',
    );
  });

  it.each([
    { what: 'events', text: `{"title":"x","events":[${'['.repeat(70)}${']'.repeat(70)}]}` },
    { what: 'other fields', text: `{"x":${'{"a":'.repeat(70)}1${'}'.repeat(70)},"events":[]}` },
  ])(
    'refuses a file whose $what nest too deep, saying where, as the page does',
    async ({ text }) => {
      const bytes = new TextEncoder().encode(text);
      const result = await parseIncidentBytes(bytes, 'deep.json', undefined, {
        threshold: 1,
        createWorker: () => new FakeWorker(),
      });
      expect(result).toEqual(decodeIncidentFile(bytes, 'deep.json', parseIncident));
      expect(!result.ok && result.problems[0]).toEqual({
        path: expect.stringMatching(/^deep\.json: line 1 column \d+$/),
        message: 'JSON is nested deeper than 64 levels',
        code: 'too-deep',
        params: { max: 64 },
      });
    },
  );

  it.each([
    {
      what: 'events sent ahead that are not JSON',
      text: `{"title":"x","events":[{"id":"a","title":}, {"id":"b"}]}`,
      replies: ['progress', 'ahead', 'problems'],
    },
    {
      // scanEvents reads keys before the parse, and must not throw on one.
      what: 'a top-level key that is not a JSON string',
      text: String.raw`{"C:\Windows":1,"events":[{"id":"a"}]}`,
      replies: ['progress', 'problems'],
    },
  ])('says a file with $what is not valid JSON, without rejecting', async ({ text, replies }) => {
    const bytes = new TextEncoder().encode(text);
    expect(workerReplies(bytes, 'broken.json').map((r) => r.type)).toEqual(replies);
    const result = await parseIncidentBytes(bytes, 'broken.json', undefined, {
      threshold: 1,
      createWorker: () => new FakeWorker(),
    });
    expect(result).toEqual(decodeIncidentFile(bytes, 'broken.json', parseIncident));
    expect(!result.ok && result.problems[0]?.message).toMatch(/^not valid JSON/);
  });

  it('falls back to the main thread when the worker cannot load', async () => {
    const worker = new FakeWorker(true);
    const result = await parseIncidentBytes(bytesOf(minimalIncident()), 'big.json', undefined, {
      threshold: 1,
      createWorker: () => worker,
    });
    expect(result.ok).toBe(true);
    expect(worker.received).toEqual([]);
  });

  it('stops the worker and rejects when aborted', async () => {
    const worker = new FakeWorker();
    const controller = new AbortController();
    const pending = parseIncidentBytes(bytesOf(minimalIncident()), 'big.json', undefined, {
      threshold: 1,
      createWorker: () => worker,
      signal: controller.signal,
    });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(worker.terminated).toBe(true);
  });

  describe('a file opened from this computer', () => {
    const fixture = (name: string) =>
      new Uint8Array(readFileSync(new URL(`../../data/fixtures/${name}`, import.meta.url)));
    const inWorker = (bytes: Uint8Array, name: string, mapping?: ColumnMapping) =>
      parseIncidentBytes(bytes, name, undefined, {
        threshold: 1,
        createWorker: () => new FakeWorker(),
        anyFormat: true,
        mapping,
      });

    it('reads a Timesketch export in the worker, like an incident file', async () => {
      const result = await inWorker(fixture('timesketch.csv'), 'timesketch.csv');
      expect(result.ok && result.incident.events).toHaveLength(8);
    });

    it('asks for the columns of a CSV of no known shape, then reads it with the mapping', async () => {
      const asked = await inWorker(fixture('generic.csv'), 'generic.csv');
      expect('columns' in asked && asked.columns.headers).toContain('Ticket');
      const mapped = await inWorker(fixture('generic.csv'), 'generic.csv', {
        time: 'Time',
        title: 'Ticket',
      });
      expect(mapped.ok && mapped.incident.events[0]!.title).toBe('INC-1042');
    });

    it('reads the same on the main thread when the file is small', async () => {
      const result = await parseIncidentBytes(
        fixture('timesketch.jsonl'),
        'timesketch.jsonl',
        undefined,
        {
          anyFormat: true,
        },
      );
      expect(result.ok && result.incident.events).toHaveLength(6);
    });

    it('says a file that is not UTF-8 is expected to be JSON or CSV', async () => {
      const result = await inWorker(new Uint8Array([0xff, 0xfe, 0x00]), 'x.csv');
      expect(!result.ok && result.problems[0]!.message).toMatch(
        /expected JSON or CSV encoded as UTF-8/,
      );
    });
  });

  it('checks a 1,000-event file with full fields on the page with the generated validator, the bundled incident with zod alone', async () => {
    vi.mocked(fastCheck).mockClear();
    vi.mocked(parseIncident).mockClear();
    const createWorker = vi.fn(() => new FakeWorker());
    const full = generateIncident(1000, 1, 'full');
    const fullBytes = bytesOf(full);
    expect([FAST_CHECK_BYTES, WORKER_THRESHOLD_BYTES]).toEqual([256 * 1024, 2 * 1024 * 1024]);
    expect(fullBytes.byteLength).toBeGreaterThanOrEqual(FAST_CHECK_BYTES);
    expect(fullBytes.byteLength).toBeLessThan(WORKER_THRESHOLD_BYTES);
    const result = await parseIncidentBytes(fullBytes, 'full.json', undefined, { createWorker });
    expect(result).toEqual(decodeIncidentFile(bytesOf(full), 'full.json', parseIncident));
    expect(createWorker).not.toHaveBeenCalled();
    expect(fastCheck).toHaveBeenCalledTimes(1);
    // The comparison above called zod; the page did not.
    expect(parseIncident).toHaveBeenCalledTimes(1);

    const bundled = readFileSync(
      new URL('../../data/cloudflare-thanksgiving-2023.json', import.meta.url),
    );
    expect(bundled.byteLength).toBeLessThan(FAST_CHECK_BYTES);
    const shown = await parseIncidentBytes(new Uint8Array(bundled), 'bundled.json');
    expect(shown.ok).toBe(true);
    expect(fastCheck).toHaveBeenCalledTimes(1);
    expect(parseIncident).toHaveBeenCalledTimes(2);
  });

  it('tells a 1,000-event file the fast check refuses on the page what zod says, named by its file', async () => {
    const full = generateIncident(1000, 1, 'full');
    full.languages = ['en', 'iw'];
    const bytes = bytesOf(full);
    expect(bytes.byteLength).toBeGreaterThanOrEqual(FAST_CHECK_BYTES);
    const result = await parseIncidentBytes(bytes.slice(), 'refused.json');
    expect(result).toEqual(decodeIncidentFile(bytes, 'refused.json', parseIncident));
    expect(!result.ok && result.problems[0]).toEqual({
      path: 'refused.json: languages[1]',
      message: 'expected a known language tag',
      code: 'language-tag-known',
      params: {},
    });
  });

  describe('a worker started while the file downloads', () => {
    /** Starts `worker` early, lets it speak before anyone takes it, then parses a small file through it. */
    async function parseThroughEarly(worker: FakeWorker) {
      const early = startWorkerEarly(() => worker)!;
      await new Promise((resolve) => setTimeout(resolve));
      return parseIncidentBytes(bytesOf(minimalIncident()), 'big.json', undefined, {
        threshold: 1,
        createWorker: () => early.take(),
      });
    }

    it('replays the ready message it said before it was taken, and parses the file', async () => {
      const worker = new FakeWorker();
      const result = await parseThroughEarly(worker);
      expect(result.ok && result.incident.events).toHaveLength(2);
      expect(worker.received).toHaveLength(1);
      expect(worker.terminated).toBe(true);
    });

    it('leaves the file to the main thread when it failed to load before it was taken', async () => {
      const worker = new FakeWorker(true);
      const result = await parseThroughEarly(worker);
      expect(result.ok && result.incident.events).toHaveLength(2);
      expect(worker.received).toHaveLength(0);
    });

    it('is not there where no worker can be made, so the file is parsed on the page', () => {
      const early = startWorkerEarly(() => {
        throw new DOMException('Workers are not allowed on file:// pages', 'SecurityError');
      });
      expect(early).toBeUndefined();
    });

    it('ends when dropped untaken, and is left to its taker otherwise', () => {
      const untaken = new FakeWorker();
      startWorkerEarly(() => untaken)!.drop();
      expect(untaken.terminated).toBe(true);
      const taken = new FakeWorker();
      const early = startWorkerEarly(() => taken)!;
      early.take();
      early.drop();
      expect(taken.terminated).toBe(false);
    });
  });

  /** Parses the warnings fixture in a worker whose `warnings` reply goes to `onWarnings` instead of the page. */
  async function withWarningsReply(
    onWarnings: (data: ParseReply, reply: (data: ParseReply) => void, worker: FakeWorker) => void,
  ) {
    const file = JSON.parse(
      readFileSync(new URL('../../data/fixtures/warnings.json', import.meta.url), 'utf8'),
    ) as { events: unknown[] };
    const sent: ParseReply[] = [];
    let worker: FakeWorker | undefined;
    const result = await parseIncidentBytes(bytesOf(file), 'warnings.json', undefined, {
      threshold: 0,
      createWorker: () => {
        const made = (worker = new FakeWorker());
        const reply = made['reply'].bind(made);
        made['reply'] = (data: ParseReply) => {
          sent.push(data);
          if (data.type === 'warnings') onWarnings(data, reply, made);
          else reply(data);
        };
        return made;
      },
    });
    if (!result.ok || 'columns' in result) throw new Error('expected an incident');
    return { incident: result.incident, worker: worker!, sent };
  }

  it("brings the incident's warnings from the worker after the incident, so the page does not wait for them", async () => {
    // Held back: the incident is resolved before its warnings are sent.
    const { incident, worker, sent } = await withWarningsReply((data, reply) =>
      setTimeout(() => reply(data), 5),
    );
    expect(warningsFor(incident)).toBeUndefined();
    expect(worker.terminated).toBe(false);
    const shown = vi.fn();
    const unsubscribe = subscribeWarnings(shown);
    await vi.waitFor(() => expect(shown).toHaveBeenCalled());
    unsubscribe();
    const sentWarnings = sent.find((r) => r.type === 'warnings');
    expect(sentWarnings?.type === 'warnings' && sentWarnings.warnings.length).toBeGreaterThan(0);
    // The same array the worker sent: nothing was computed again on this thread.
    expect(warningsFor(incident)).toBe(sentWarnings?.type === 'warnings' && sentWarnings.warnings);
    expect(worker.terminated).toBe(true);
  });

  it('computes the warnings on the page when the worker stops before sending them', async () => {
    const { incident, worker } = await withWarningsReply((_, __, stopped) =>
      stopped.onerror?.({ message: 'gone', preventDefault: () => {} } as ErrorEvent),
    );
    await vi.waitFor(() => expect(worker.terminated).toBe(true));
    expect(warningsFor(incident)?.length).toBeGreaterThan(0);
  });
});

describe('streamFile', () => {
  /**
   * A download of `bytes` streamed to a fake worker in reads of `sizes` bytes (the rest in one), read in place as
   * readBody reads it: each read lends the whole buffer, whose earlier bytes stay. `msPerRead` is how long each
   * read takes, by the stream's clock.
   */
  function download(
    bytes: Uint8Array,
    sizes: number[],
    msPerRead: number,
    timedOver = 1,
    worker: WorkerLike & { received?: FakeWorker['received'] } = new FakeWorker(false, 100),
  ) {
    let clock = 0;
    const reads: number[] = [];
    const options = {
      eventsPerSlice: 50,
      timing: { from: 0, over: timedOver },
      now: () => clock,
      onRead: (events: number) => reads.push(events),
    };
    const stream = streamFile(
      (r, t) => worker.postMessage(r, t),
      'big.json',
      bytes.length,
      options,
    );
    let buffer = new Uint8Array(bytes.byteLength);
    let received = 0;
    for (const size of [...sizes, bytes.byteLength]) {
      // As a byte stream's read does, each read moves the buffer's memory, leaving the one lent before empty.
      buffer = structuredClone(buffer, { transfer: [buffer.buffer] });
      const upTo = Math.min(bytes.byteLength, received + size);
      buffer.set(bytes.subarray(received, upTo), received);
      received = upTo;
      clock += msPerRead;
      stream.feed(buffer, received);
    }
    const streamed = stream.end(buffer);
    const parse = (onUnchecked?: (incident: Incident) => void) =>
      parseIncidentBytes(buffer, 'big.json', undefined, {
        threshold: 1,
        createWorker: () => worker,
        stream: streamed ? stream : undefined,
        onUnchecked,
      });
    return { worker, streamed, parse, reads };
  }

  const sent = (worker: { received?: FakeWorker['received'] }) =>
    worker.received!.map((r) => r.message.type);

  it('streams a slow download, the worker parsing and the page reading its events as they come, in any pieces', async () => {
    const bytes = bytesOf(generateIncident(217, 3, 'full'));
    const expected = decodeIncidentFile(bytes, 'big.json', parseIncident);
    for (const sizes of [[], [1, 2, 3, 5000], [bytes.byteLength - 1]]) {
      // 2,000 ms a read: far slower than STREAM_BELOW_BYTES_PER_MS.
      const { worker, streamed, parse, reads } = download(bytes, sizes, 2000);
      expect(streamed).toBe(true);
      const early: Incident[] = [];
      const result = await parse((incident) => early.push(incident));
      // The page says how many events it has read, slice by slice, up to all of them.
      expect(reads).toEqual([50, 100, 150, 200, 217]);
      expect(sent(worker)[0]).toBe('begin');
      expect(sent(worker)).toContain('chunk');
      expect(sent(worker)).not.toContain('parse');
      expect(result).toEqual(expected);
      // The events the page read itself are the incident's, the very objects.
      expect(result.ok && result.incident).toBe(early[0]);
    }
  });

  it("handles the worker's answers after the page's own slices, however soon they come", async () => {
    const bytes = bytesOf(generateIncident(217, 3, 'full'));
    // Answers in the same turn as the page's handler is set, before any slice the page queued has been read.
    const replies: ParseReply[] = [];
    const handle = parseRequests((r) => replies.push(r), 100, checkIncidentFast);
    let onmessage: WorkerLike['onmessage'] = null;
    const worker: WorkerLike = {
      get onmessage() {
        return onmessage;
      },
      set onmessage(h) {
        onmessage = h;
        for (const data of replies.splice(0)) h?.({ data } as MessageEvent<ParseReply>);
      },
      onerror: null,
      onmessageerror: null,
      postMessage: (request) => handle(request),
      terminate: () => undefined,
    };
    const { streamed, parse } = download(bytes, [5000], 2000, 1, worker);
    expect(streamed).toBe(true);
    expect(await parse()).toEqual(decodeIncidentFile(bytes, 'big.json', parseIncident));
  });

  it('reads a streamed file on the page when the worker fails to load', async () => {
    const bytes = bytesOf(generateIncident(217, 3, 'full'));
    const { streamed, parse } = download(bytes, [5000], 2000, 1, new FakeWorker(true));
    expect(streamed).toBe(true);
    expect(await parse()).toEqual(decodeIncidentFile(bytes, 'big.json', parseIncident));
  });

  it('sends a fast download whole at its end, as before', async () => {
    const bytes = bytesOf(generateIncident(217, 3, 'full'));
    // 64 KiB a millisecond: 64 MB/s.
    const { worker, streamed, parse } = download(bytes, [65536, 65536], 1);
    expect(streamed).toBe(false);
    const result = await parse();
    expect(sent(worker)).toEqual(['parse']);
    expect(result).toEqual(decodeIncidentFile(bytes, 'big.json', parseIncident));
  });

  it('times the download from its first bytes on, past the wait while the page starts', () => {
    // The first 1,000 bytes come after a start of 5 s; the next 40,000 in 1 ms: 40 MB/s.
    const streams = (from: number) => {
      let clock = 0;
      const options = { timing: { from, over: 40_000 }, now: () => clock };
      const stream = streamFile(() => undefined, 'big.json', 50_000, options);
      const buffer = new Uint8Array(50_000);
      clock = 5000;
      stream.feed(buffer, 1000);
      clock += 1;
      stream.feed(buffer, 41_000);
      stream.feed(buffer, 50_000);
      return stream.end(buffer);
    };
    expect(streams(1000)).toBe(false);
    // Timed from the response, the same download would have seemed slow.
    expect(streams(0)).toBe(true);
  });

  it('marks a load that streams, for profiles', () => {
    performance.clearMarks();
    const { streamed } = download(bytesOf(generateIncident(20, 3)), [500], 2000);
    expect(streamed).toBe(true);
    expect(performance.getEntriesByName('incident:streamed')).toHaveLength(1);
  });

  it('decides only once enough has arrived: a file smaller than that goes whole', async () => {
    const bytes = bytesOf(generateIncident(20, 3));
    const { worker, streamed, parse } = download(bytes, [100, 100], 2000, bytes.length + 1);
    expect(streamed).toBe(false);
    await parse();
    expect(sent(worker)).toEqual(['parse']);
  });

  it("gives the worker's answer for a streamed file that repeats its events key or is not valid", async () => {
    const file = generateIncident(120, 3);
    const repeated = JSON.stringify(file).replace('"events":[', '"events":[],"events":[');
    const broken = JSON.stringify(file).replace('},{', '},,{');
    for (const text of [repeated, broken]) {
      const bytes = new TextEncoder().encode(text);
      const { streamed, parse } = download(bytes, [3000, 3000], 2000);
      expect(streamed).toBe(true);
      expect(await parse()).toEqual(decodeIncidentFile(bytes, 'big.json', parseIncident));
    }
  });
});
