import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { loadCatalog, preferredLang } from './i18n/i18n';
import { preloadChart } from './loading/chart-code';
import { incidentQueryOptions, sourceOf } from './loading/incident-query';
import { parseViewState } from './model/view-state';
import { keepOwnPage } from './loading/single-html';
// One stylesheet per screen, in cascade order: print rules come last to override the rest.
import './styles/base.css';
import './styles/chart.css';
import './styles/incident-screen.css';
import './styles/embed.css';
import './styles/present.css';
import './styles/tabletop.css';
import './styles/print.css';
import './styles/overview.css';
import './styles/editor.css';

const queryClient = new QueryClient();
keepOwnPage();
preloadChart();
// The incident downloads from now, not from the page's first render, 150–250 ms later. A load that has already
// failed by then runs once more when App mounts (React Query retries on mount): a failure costs twice, rarely.
const initial = parseViewState(window.location.search).state;
void queryClient.prefetchQuery(incidentQueryOptions(sourceOf(initial)));

// A page in Chinese waits for its catalog, so it never flashes English; an English one renders a microtask later.
void loadCatalog(initial.lang ?? preferredLang()).then((catalog) => {
  // Before the first paint, so Chinese text is laid out with its face at once, not after App's effect sets it.
  document.documentElement.lang = catalog?.lang ?? 'en';
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
});
