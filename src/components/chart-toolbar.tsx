import { useI18n } from '../i18n/i18n';
import { GROUP_BYS, type Band, type GroupBy } from '../model/chart-model';

interface Props {
  group: GroupBy;
  onGroup: (g: GroupBy) => void;
  bands: Band[];
  onZoom: (factor: number) => void;
  onFit: () => void;
  onZoomToPhase: (band: Band) => void;
  canZoomToSelected: boolean;
  onZoomToSelected: () => void;
  toggles: { compress: boolean; bands: boolean; dim: boolean; links: boolean };
  onToggle: (key: 'compress' | 'bands' | 'dim' | 'links', value: boolean) => void;
}

export function ChartToolbar(p: Props) {
  const { t } = useI18n();
  const toggleLabels = {
    compress: t.compress,
    bands: t.phaseBands,
    dim: t.dimFiltered,
    links: t.links,
  };
  return (
    <div className="toolbar" role="toolbar" aria-label={t.groupBy}>
      <label>
        {t.groupBy}{' '}
        <select value={p.group} onChange={(e) => p.onGroup(e.target.value as GroupBy)}>
          {GROUP_BYS.map((g) => (
            <option key={g} value={g}>
              {t.groups[g]}
            </option>
          ))}
        </select>
      </label>
      <span className="button-group">
        <button type="button" onClick={() => p.onZoom(0.5)} aria-label={t.zoomIn} title={t.zoomIn}>
          +
        </button>
        <button type="button" onClick={() => p.onZoom(2)} aria-label={t.zoomOut} title={t.zoomOut}>
          −
        </button>
        <button type="button" onClick={p.onFit}>
          {t.fitAll}
        </button>
        <button type="button" onClick={p.onZoomToSelected} disabled={!p.canZoomToSelected}>
          {t.zoomToSelected}
        </button>
      </span>
      <label>
        {t.zoomToPhase}{' '}
        <select
          value=""
          onChange={(e) => {
            const band = p.bands.find((b) => b.phase === e.target.value);
            if (band) p.onZoomToPhase(band);
          }}
        >
          <option value="">…</option>
          {p.bands.map((b) => (
            <option key={b.phase} value={b.phase}>
              {b.label}
            </option>
          ))}
        </select>
      </label>
      {(['compress', 'bands', 'dim', 'links'] as const).map((key) => (
        <label key={key} className="toggle">
          <input
            type="checkbox"
            checked={p.toggles[key]}
            onChange={(e) => p.onToggle(key, e.target.checked)}
          />{' '}
          {toggleLabels[key]}
        </label>
      ))}
    </div>
  );
}

/** Shapes and marks, so adversary, defender, failed and inferred never rely on colour alone. */
export function ChartLegend() {
  const { t } = useI18n();
  return (
    <ul className="legend" aria-label={t.legend}>
      <li>
        <span className="legend-mark legend-adversary" aria-hidden="true" /> {t.sides.adversary}
      </li>
      <li>
        <span className="legend-mark legend-defender" aria-hidden="true" /> {t.sides.defender}
      </li>
      <li>
        <span className="legend-mark legend-third" aria-hidden="true" /> {t.sides['third-party']}
      </li>
      <li>
        <span className="it-badge it-badge-failed">{t.failedMark}</span>
      </li>
      <li>
        <span className="legend-mark legend-day" aria-hidden="true" />{' '}
        <span className="it-badge">{t.dateOnly}</span>
      </li>
      <li>
        <span className="it-badge">{t.inferredMark}</span>
      </li>
    </ul>
  );
}
