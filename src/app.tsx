import { useEffect, useMemo } from 'react';
import { AppHeader } from './components/app-header';
import { EmbedScreen } from './components/embed-screen';
import { IncidentScreen } from './components/incident-screen';
import { IncidentWarnings } from './components/incident-warnings';
import { LinkNotice } from './components/link-notice';
import { PresentScreen } from './components/present-screen';
import { UpdatePrompt } from './components/update-prompt';
import { LoadRecovery } from './components/load-recovery';
import { Empty, LoadError, Loading } from './components/load-status';
import { useViewState } from './hooks/use-view-state';
import { preferredLang } from './i18n/i18n';
import { I18nProvider } from './i18n/i18n-provider';
import { en } from './i18n/en';
import { DEFAULT_SOURCE, useIncident } from './loading/incident-query';
import { localize } from './model/text';
import { DEFAULT_VIEW, resolveAgainst } from './model/view-state';

export function App() {
  const { state, malformed, setView } = useViewState();
  const lang = state.lang ?? preferredLang();
  const src = state.src ?? DEFAULT_SOURCE;
  const query = useIncident(src);
  const incident = query.data;
  const resolved = useMemo(
    () => (incident ? resolveAgainst(state, incident) : { state, ignored: [] }),
    [incident, state],
  );

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  useEffect(() => {
    if (state.theme) document.documentElement.dataset.theme = state.theme;
    else delete document.documentElement.dataset.theme;
  }, [state.theme]);

  const title = incident ? localize(incident.title, lang) : en.appName;
  useEffect(() => {
    document.title = `${title} · Incident Timeline`;
  }, [title]);

  return (
    <I18nProvider lang={lang}>
      <div className={`app mode-${state.mode}`}>
        {state.mode === 'full' && (
          <AppHeader
            title={title}
            source={src}
            sourceOpen={incident !== undefined}
            onOpened={(opened) =>
              setView((s) => ({ ...DEFAULT_VIEW, lang: s.lang, theme: s.theme, src: opened }))
            }
            lang={lang}
            onLang={(l) => setView((s) => ({ ...s, lang: l }))}
            theme={state.theme}
            onTheme={(theme) => setView((s) => ({ ...s, theme }))}
          />
        )}
        <UpdatePrompt />
        <LinkNotice ignored={resolved.ignored} malformed={malformed} />
        {incident && <IncidentWarnings key={src} incident={incident} src={src} />}
        <main>
          {query.isPending && <Loading src={src} />}
          {query.isError && <LoadError error={query.error} />}
          {query.isError && <LoadRecovery src={src} />}
          {incident && incident.events.length === 0 && <Empty />}
          {incident && incident.events.length > 0 && state.mode === 'embed' && (
            <EmbedScreen incident={incident} view={resolved.state} setView={setView} />
          )}
          {incident && incident.events.length > 0 && state.mode === 'present' && (
            <PresentScreen incident={incident} view={resolved.state} setView={setView} />
          )}
          {incident && incident.events.length > 0 && state.mode === 'full' && (
            <IncidentScreen incident={incident} view={resolved.state} setView={setView} />
          )}
        </main>
      </div>
    </I18nProvider>
  );
}
