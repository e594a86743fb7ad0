import { useMemo, useRef } from 'react';
import { useI18n } from '../i18n/i18n';
import type { ChartScene } from '../model/chart-view';
import {
  brushKey,
  brushText,
  density,
  dragBrush,
  fractionOf,
  moveWithin,
  overviewSpan,
} from '../model/overview';
import { MINUTE, type TimeWindow } from '../model/time';

interface Props {
  scene: ChartScene;
  window: TimeWindow;
  onWindow: (w: TimeWindow) => void;
}

const BINS = 240;
const WIDTH = 1000;
const HEIGHT = 40;
const MID = HEIGHT / 2;

type Part = 'move' | 'start' | 'end';

/** Bars of `counts` as one path, up from the baseline (`dir` -1) or down from it (1); square-root scaled. */
function bars(counts: Int32Array, max: number, x0: number, binPx: number, dir: 1 | -1): string {
  let d = '';
  counts.forEach((c, i) => {
    if (c === 0) return;
    const h = Math.max(1.5, Math.sqrt(c / max) * (MID - 2));
    d += `M${(x0 + i * binPx).toFixed(1)} ${MID}v${(dir * h).toFixed(1)}h${Math.max(binPx, 1.5).toFixed(1)}v${(-dir * h).toFixed(1)}z`;
  });
  return d;
}

/** The whole incident at a glance, with the chart's window as a brush to drag, resize or move by keyboard. */
export function OverviewStrip({ scene, window: shown, onWindow }: Props) {
  const { t } = useI18n();
  const { incident, index } = scene;
  const span = useMemo(() => overviewSpan(incident), [incident]);
  const drawn = useMemo(() => {
    if (!span) return undefined;
    const d = density(incident, index, span, BINS);
    const px = (ms: number) => fractionOf(ms, span) * WIDTH;
    const binPx = (d.binWidth / (span.to - span.from)) * WIDTH;
    return {
      above: bars(d.adversary, d.max, px(d.firstBin), binPx, -1),
      below: bars(d.others, d.max, px(d.firstBin), binPx, 1),
      px,
    };
  }, [incident, index, span]);
  const drag = useRef<{ part: Part; x0: number; w0: TimeWindow; msPerPx: number } | null>(null);
  if (!span || !drawn) return null;

  const left = Math.min(Math.max(fractionOf(shown.from, span), 0), 1);
  const right = Math.min(Math.max(fractionOf(shown.to, span), 0), 1);

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const strip = e.currentTarget.getBoundingClientRect();
    const msPerPx = (span.to - span.from) / strip.width;
    const part = ((e.target as HTMLElement).dataset.part as Part | undefined) ?? 'move';
    let w0 = shown;
    // Pressing outside the brush centres it there, and the drag goes on from that place.
    if ((e.target as HTMLElement).dataset.part === undefined) {
      const at = span.from + (e.clientX - strip.left) * msPerPx;
      w0 = moveWithin(shown, at - (shown.from + shown.to) / 2, span);
      onWindow(w0);
    }
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { part, x0: e.clientX, w0, msPerPx };
    e.preventDefault();
  };
  const onPointerMove = (e: React.PointerEvent) => {
    const d = drag.current;
    if (d) onWindow(dragBrush(d.w0, d.part, (e.clientX - d.x0) * d.msPerPx, span, 10 * MINUTE));
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const next = brushKey(shown, e.key, e.shiftKey, span);
    if (!next) return;
    e.preventDefault();
    onWindow(next);
  };

  return (
    <div
      className="overview"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    >
      <svg
        className="overview-plot"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        aria-hidden="true"
      >
        {scene.bands.map((b) => (
          <rect
            key={b.id}
            className="overview-band"
            x={drawn.px(b.start)}
            width={Math.max(drawn.px(b.end) - drawn.px(b.start), 1)}
            y={0}
            height={HEIGHT}
            fill={b.color}
          />
        ))}
        <line className="overview-baseline" x1={0} x2={WIDTH} y1={MID} y2={MID} />
        <path className="overview-adversary" d={drawn.above} />
        <path className="overview-others" d={drawn.below} />
        {scene.markers
          .filter((m) => m.kind === 'milestone')
          .map((m) => (
            <line
              key={m.id}
              className="overview-milestone"
              x1={drawn.px(m.time)}
              x2={drawn.px(m.time)}
              y1={0}
              y2={HEIGHT}
            />
          ))}
      </svg>
      <div
        className="overview-brush"
        data-part="move"
        role="slider"
        tabIndex={0}
        aria-label={t.overview}
        aria-valuemin={span.from}
        aria-valuemax={span.to}
        aria-valuenow={Math.round(shown.from)}
        aria-valuetext={brushText(shown)}
        style={{ left: `${left * 100}%`, width: `${Math.max(right - left, 0) * 100}%` }}
        onKeyDown={onKeyDown}
      >
        <span className="overview-handle overview-handle-start" data-part="start" />
        <span className="overview-handle overview-handle-end" data-part="end" />
      </div>
    </div>
  );
}
