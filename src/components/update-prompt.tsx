import { useEffect, useState } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { afterFirstView } from '../hooks/ready';
import { useI18n } from '../i18n/i18n';

/**
 * Registers the offline service worker once the first view is on screen and the user has left the page alone for a
 * moment: installing it fetches and stores every file of the app (1.7 MB), and on two cores that held the first
 * view of 1,000 events back by 0.4 s, or slowed the first clicks at 100,000 events when it ran right after it.
 */
export function UpdatePrompt() {
  const [due, setDue] = useState(false);
  useEffect(() => afterFirstView(() => setDue(true)), []);
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
