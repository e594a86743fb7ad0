import { useId } from 'react';
import { useI18n } from '../i18n/i18n';
import type { Incident } from '../model/incident';
import { clockText, type AgendaItem } from '../model/tabletop';
import { localize } from '../model/text';

interface Props {
  incident: Incident;
  items: AgendaItem[];
  currentPhase: string | undefined;
  onGo: (step: number) => void;
}

/** Every phase of the session with its steps and time budget; each one is a button to its first step. */
export function TabletopAgenda({ incident, items, currentPhase, onGo }: Props) {
  const { t, lang } = useI18n();
  const id = useId();
  const label = (phase: string) =>
    localize(incident.phases.find((p) => p.id === phase)?.label, lang) || phase;
  return (
    <section className="presenter-agenda" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t.tabletop.agenda}</h2>
      <ol>
        {items.map((item) => {
          const here = item.phase === currentPhase;
          const over = item.spentMs > item.budgetMs;
          return (
            <li key={item.phase} aria-current={here ? 'step' : undefined}>
              <button
                type="button"
                aria-label={t.tabletop.goToPhase(label(item.phase))}
                onClick={() => onGo(item.first)}
              >
                {label(item.phase)}
              </button>{' '}
              <span className="muted">{t.tabletop.agendaRow(item.first + 1, item.steps)}</span>{' '}
              <span className={`mono${over ? ' presenter-over' : ''}`}>
                {t.tabletop.budget(clockText(item.spentMs), clockText(item.budgetMs))}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
