import { useCallback, useEffect, useRef, useState } from 'react';
import { v4 as uuidv4 } from 'uuid';
import {
  channelName,
  receiveMessage,
  SessionId,
  type PresentMessage,
  type PresentRole,
} from '../model/present';

export type StepMessage = Extract<PresentMessage, { type: 'step' }>;
/** A step to send: the hook adds which window it comes from. */
export type StepUpdate = Omit<StepMessage, 'from'>;

/**
 * The audience window's session id, made once per tab and kept in sessionStorage, so a reload stays connected to
 * the presenter view it opened. uuid's v4 is crypto.randomUUID where the page is a secure context.
 */
function audienceSession(incidentId: string): string {
  const key = `incident-timeline:present-session:${incidentId}`;
  try {
    const kept = sessionStorage.getItem(key);
    if (kept !== null && SessionId.safeParse(kept).success) return kept;
    const made = uuidv4();
    sessionStorage.setItem(key, made);
    return made;
  } catch {
    // Storage can be blocked (a sandboxed frame): then the session lasts as long as the page.
    return uuidv4();
  }
}

/**
 * Keeps the audience window and the presenter window it opened on the same step, over a BroadcastChannel named
 * after a random session id that only those two windows know: the audience makes it, the presenter gets it in its
 * link (`session=`); a presenter view without one stays on its own. Each window hears only the other role. Only
 * local moves are posted and a step received is applied without being posted again, so the windows never echo
 * each other. A window that opens says hello; the other answers with its step, which the newcomer adopts.
 * Returns the function that posts a step, and the session id to hand to the presenter window.
 */
export function usePresentChannel(
  incidentId: string,
  role: PresentRole,
  presenterSession: string | undefined,
  current: () => StepUpdate,
  onStep: (m: StepMessage) => void,
) {
  const [ownSession] = useState(() =>
    role === 'audience' ? audienceSession(incidentId) : undefined,
  );
  const session = role === 'audience' ? ownSession : presenterSession;
  const channelRef = useRef<BroadcastChannel | null>(null);
  const latest = useRef({ current, onStep });
  useEffect(() => {
    latest.current = { current, onStep };
  });

  useEffect(() => {
    if (session === undefined || typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(channelName(session));
    channelRef.current = channel;
    channel.onmessage = (e: MessageEvent) => {
      const m = receiveMessage(e.data, role);
      if (m?.type === 'hello')
        channel.postMessage({ ...latest.current.current(), from: role } satisfies PresentMessage);
      else if (m?.type === 'step') latest.current.onStep(m);
    };
    channel.postMessage({ type: 'hello', from: role } satisfies PresentMessage);
    return () => {
      channelRef.current = null;
      channel.close();
    };
  }, [session, role]);

  const post = useCallback(
    (m: StepUpdate) =>
      channelRef.current?.postMessage({ ...m, from: role } satisfies PresentMessage),
    [role],
  );
  return { post, session };
}
