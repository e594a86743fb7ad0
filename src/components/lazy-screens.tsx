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

/** A screen whose code cannot be fetched (offline, or a new deployment) says so, instead of leaving a blank page. */
function ScreenBoundary({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary fallback={(error) => <ScreenFailed error={error} />}>{children}</ErrorBoundary>
  );
}

export function EditScreen(props: ComponentProps<typeof LazyEditScreen>) {
  return (
    <ScreenBoundary>
      <Suspense fallback={<Opening />}>
        <LazyEditScreen {...props} />
      </Suspense>
    </ScreenBoundary>
  );
}

export function PresentScreen(props: ComponentProps<typeof LazyPresentScreen>) {
  return (
    <ScreenBoundary>
      <Suspense fallback={<Opening />}>
        <LazyPresentScreen {...props} />
      </Suspense>
    </ScreenBoundary>
  );
}

export function EmbedScreen(props: ComponentProps<typeof LazyEmbedScreen>) {
  return (
    <ScreenBoundary>
      <Suspense fallback={<Opening />}>
        <LazyEmbedScreen {...props} />
      </Suspense>
    </ScreenBoundary>
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
