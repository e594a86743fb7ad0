import { useRegisterSW } from 'virtual:pwa-register/react';
import { useI18n } from '../i18n/i18n';

/** Registers the offline service worker; a new version is offered, never forced in the middle of an exercise. */
export function UpdatePrompt() {
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
