// Screens and dialogs the first view does not show, loaded on demand to keep the initial JavaScript small.
import { lazy, Suspense, type ComponentProps } from 'react';
import { useI18n } from '../i18n/i18n';

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

export function EditScreen(props: ComponentProps<typeof LazyEditScreen>) {
  return (
    <Suspense fallback={<Opening />}>
      <LazyEditScreen {...props} />
    </Suspense>
  );
}

export function PresentScreen(props: ComponentProps<typeof LazyPresentScreen>) {
  return (
    <Suspense fallback={<Opening />}>
      <LazyPresentScreen {...props} />
    </Suspense>
  );
}

export function EmbedScreen(props: ComponentProps<typeof LazyEmbedScreen>) {
  return (
    <Suspense fallback={<Opening />}>
      <LazyEmbedScreen {...props} />
    </Suspense>
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
