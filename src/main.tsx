import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { NotBusy } from './components/not-busy';
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
// The incident downloads from now, not from the page's first render, 150–250 ms later.
const initial = parseViewState(window.location.search).state;
// The link's theme from the start, not from App's first effect, which may come a second later (below).
if (initial.theme) document.documentElement.dataset.theme = initial.theme;
const loaded = queryClient.prefetchQuery(incidentQueryOptions(sourceOf(initial)));
// The first render waits for the incident, for up to a second (index.html's busy bar shows meanwhile): a load that
// ends sooner renders its screen at once instead of the loading screen first, which took 60-110 ms of a 1,000-event
// load's main thread, and a slower one shows its progress from then on. The editor shows its draft, not the
// loading screen, and renders at once.
const FIRST_RENDER_WAIT_MS = 1000;
const waited =
  initial.mode === 'edit'
    ? undefined
    : Promise.race([loaded, new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS))]);

// Before the first paint, so Chinese text is laid out with its face at once, not after App's effect sets it, and
// before a large file's preparation reads it for the phase bands' names.
const language = loadCatalog(initial.lang ?? preferredLang()).then((catalog) => {
  document.documentElement.lang = catalog?.lang ?? 'en';
});

// A page in Chinese waits for its catalog, so it never flashes English; an English one renders a microtask later.
void Promise.all([language, waited]).then(() => {
  const root = document.getElementById('root')!;
  // A transition: React renders the first screen in slices with the page free between them, so a small incident's
  // chart can be made in the same commit, before the page is first laid out and painted (IncidentScreen).
  // A first render that throws commits nothing: the page is then not busy either (the bar would sweep forever).
  const onUncaughtError = (error: unknown) => {
    root.removeAttribute('aria-busy');
    reportError(error);
  };
  startTransition(() =>
    createRoot(root, { onUncaughtError }).render(
      <StrictMode>
        <NotBusy root={root} />
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </StrictMode>,
    ),
  );
});
