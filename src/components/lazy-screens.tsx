// Screens and dialogs the first view does not show, loaded on demand to keep the initial JavaScript small.
import { lazy, Suspense, type ComponentProps, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { ErrorBoundary } from './error-boundary';

const LazyEditScreen = lazy(() => import('./edit-screen').then((m) => ({ default: m.EditScreen })));
const LazyPresentScreen = lazy(() =>
  import('./present-screen').then((m) => ({ default: m.PresentScreen })),
);
const LazyEmbedScreen = lazy(() =>
  import('./embed-screen').then((m) => ({ default: m.EmbedScreen })),
);
const LazyDraftExports = lazy(() =>
  import('./draft-exports').then((m) => ({ default: m.DraftExports })),
);
const LazyMappingDialog = lazy(() =>
  import('./mapping-dialog').then((m) => ({ default: m.MappingDialog })),
);

/** Shown while a screen's code arrives, so the page is never blank. */
function Opening() {
  const { t } = useI18n();
  return (
    <p role="status" className="status">
      {t.openingScreen}
    </p>
  );
}

function ScreenFailed({ error }: { error: Error }) {
  const { t } = useI18n();
  const params = new URLSearchParams(window.location.search);
  params.delete('mode');
  return (
    <div className="status status-error" role="alert">
      <p>{t.screenFailed(error.message || error.name)}</p>
      <p>
        <button type="button" onClick={() => window.location.reload()}>
          {t.reloadPage}
        </button>{' '}
        <a href={`?${params.toString()}`}>{t.plainView}</a>
      </p>
    </div>
  );
}

/**
 * A screen loaded on demand: "Opening…" while its code arrives, and, when that code cannot be fetched (offline, or a
 * new deployment), a message saying so instead of a blank page.
 */
function OnDemand({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary fallback={(error) => <ScreenFailed error={error} />}>
      <Suspense fallback={<Opening />}>{children}</Suspense>
    </ErrorBoundary>
  );
}

export function EditScreen(props: ComponentProps<typeof LazyEditScreen>) {
  return (
    <OnDemand>
      <LazyEditScreen {...props} />
    </OnDemand>
  );
}

export function PresentScreen(props: ComponentProps<typeof LazyPresentScreen>) {
  return (
    <OnDemand>
      <LazyPresentScreen {...props} />
    </OnDemand>
  );
}

export function EmbedScreen(props: ComponentProps<typeof LazyEmbedScreen>) {
  return (
    <OnDemand>
      <LazyEmbedScreen {...props} />
    </OnDemand>
  );
}

export function MappingDialog(props: ComponentProps<typeof LazyMappingDialog>) {
  return (
    <Suspense fallback={null}>
      <LazyMappingDialog {...props} />
    </Suspense>
  );
}

export function DraftExports(props: ComponentProps<typeof LazyDraftExports>) {
  return (
    <Suspense fallback={null}>
      <LazyDraftExports {...props} />
    </Suspense>
  );
}
