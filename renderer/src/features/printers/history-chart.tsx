import { chartShapes, type ChartPoint } from '../../lib/history-chart';

const WIDTH = 240;
const HEIGHT = 56;
/** Room around the drawing so that strokes and dots are not cut at the edges. */
const PAD = 3;

/**
 * A small inline line chart (`role="img"`, described by `label`): the series in the colour of
 * `color` (a `color-*` class), gaps where a value was not measured, and a vertical tick at each
 * of `marks` (times in ms, e.g. cartridge replacements).
 */
export function HistoryChart({
  points,
  label,
  color,
  yMin,
  yMax,
  marks = [],
}: {
  points: readonly ChartPoint[];
  label: string;
  color: string;
  yMin: number;
  yMax: number;
  marks?: readonly number[];
}) {
  const { path, dots, ticks } = chartShapes(points, { width: WIDTH, height: HEIGHT, yMin, yMax }, marks);
  return (
    <svg
      className={`history-chart color-${color}`}
      role="img"
      aria-label={label}
      viewBox={`${-PAD} ${-PAD} ${WIDTH + 2 * PAD} ${HEIGHT + 2 * PAD}`}
      width={WIDTH + 2 * PAD}
      height={HEIGHT + 2 * PAD}
    >
      <rect className="history-frame" x={0} y={0} width={WIDTH} height={HEIGHT} />
      {ticks.map((x, i) => (
        <line key={`${x}-${i}`} className="history-tick" x1={x} x2={x} y1={0} y2={HEIGHT} />
      ))}
      {path ? <path className="history-line" d={path} /> : null}
      {dots.map((dot, i) => (
        <circle key={`${dot.x}-${i}`} className="history-dot" cx={dot.x} cy={dot.y} r={2.5} />
      ))}
    </svg>
  );
}
