import { useI18n } from '../i18n/i18n';
import type { Incident } from '../model/incident';
import type { Step } from '../model/present';
import type { PrintView } from '../model/view-state';
import { AfterActionView } from './after-action-view';
import { SituationManualView } from './situation-manual-view';

interface Props {
  incident: Incident;
  steps: Step[];
  print: PrintView;
  onBack: () => void;
}

/** A print view of the exercise (`print=`): a toolbar that does not print, and the document. */
export function TabletopPrint({ incident, steps, print, onBack }: Props) {
  const { t } = useI18n();
  return (
    <div className="tabletop-print">
      <div className="tabletop-print-bar no-print">
        <button type="button" onClick={onBack}>
          ← {t.tabletop.back}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t.tabletop.print}
        </button>
      </div>
      {print === 'report' ? (
        <AfterActionView incident={incident} steps={steps} />
      ) : (
        <SituationManualView
          incident={incident}
          steps={steps}
          edition={print === 'manual' ? 'players' : 'facilitator'}
        />
      )}
    </div>
  );
}
