import { useEffect, useState } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { afterFirstView } from '../hooks/ready';
import { useI18n } from '../i18n/i18n';

/**
 * Registers the offline service worker, on a first visit not before the first view and 5 s without input: its
 * 1.7 MB install competed with the load and the first clicks. `loading`: the fallback wait never runs through a load.
 */
export function UpdatePrompt({ loading }: { loading: boolean }) {
  // A page a worker already controls registers at once, so that an update installing now is offered on this visit.
  const [due, setDue] = useState(() => navigator.serviceWorker?.controller != null);
  useEffect(() => {
    if (due || loading) return;
    return afterFirstView(() => setDue(true));
  }, [due, loading]);
  return due ? <Registered /> : null;
}

/** A new version is offered, never forced in the middle of an exercise. */
function Registered() {
  const { t } = useI18n();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW();
  if (!needRefresh) return null;
  return (
    <div className="notice update-prompt" role="status">
      <p>{t.tabletop.updateReady}</p>
      <button type="button" onClick={() => updateServiceWorker(true)}>
        {t.tabletop.updateNow}
      </button>
      <button type="button" onClick={() => setNeedRefresh(false)}>
        {t.tabletop.updateLater}
      </button>
    </div>
  );
}
