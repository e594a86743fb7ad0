import { useCallback, useEffect, useRef } from 'react';
import { channelName, parseMessage, type PresentMessage } from '../model/present';

export type StepMessage = Extract<PresentMessage, { type: 'step' }>;

/**
 * Keeps the audience and presenter windows of one incident on the same step. Only local moves are posted and a
 * step received from another window is applied without being posted again, so two windows never echo each other.
 * A window that opens says hello; the others answer with their step, which the newcomer adopts.
 */
export function usePresentChannel(
  incidentId: string,
  current: () => StepMessage,
  onStep: (m: StepMessage) => void,
) {
  const channelRef = useRef<BroadcastChannel | null>(null);
  const latest = useRef({ current, onStep });
  useEffect(() => {
    latest.current = { current, onStep };
  });

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(channelName(incidentId));
    channelRef.current = channel;
    channel.onmessage = (e: MessageEvent) => {
      const m = parseMessage(e.data);
      if (m?.type === 'hello') channel.postMessage(latest.current.current());
      else if (m?.type === 'step') latest.current.onStep(m);
    };
    channel.postMessage({ type: 'hello' } satisfies PresentMessage);
    return () => {
      channelRef.current = null;
      channel.close();
    };
  }, [incidentId]);

  return useCallback((m: StepMessage) => channelRef.current?.postMessage(m), []);
}
