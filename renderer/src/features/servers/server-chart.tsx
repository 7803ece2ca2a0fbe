import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServerHistory } from '../../../../shared/domain/server';
import { ErrorAlert } from '../../components/error-alert';
import { LOCALES } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/format';
import { chartShapes, measured, toChartPoints, type ChartPoint } from '../../lib/history-chart';
import { toStoreError, type StoreError } from '../../stores/store-error';
import { useServers, useSettings } from '../../stores/stores-context';

const WIDTH = 560;
const HEIGHT = 140;
/** Room around the drawing so that strokes and dots are not cut at the edges. */
const PAD = 4;
/** The periods offered, in days; the first is shown first. */
const PERIODS = [7, 1, 90] as const;

/** One line of the chart: its name for people, its points (percent), its colour (`series-N` class). */
type Series = { key: string; name: string; points: ChartPoint[] };

type Loaded =
  | { status: 'loading' }
  | { status: 'loaded'; history: ServerHistory }
  | { status: 'error'; error: StoreError };

/**
 * The series of a history drawn on the 0–100 % scale: each volume's used percent, then the
 * processor load; series without a measured point are left out.
 */
export function chartSeries(history: ServerHistory, cpuName: string): Series[] {
  const series: Series[] = history.volumes.map((volume) => ({
    key: `volume:${volume.mount}`,
    name: volume.mount,
    points: toChartPoints(volume.points, (p) => p.value),
  }));
  series.push({ key: 'cpu', name: cpuName, points: toChartPoints(history.cpu, (p) => p.value) });
  return series.filter((s) => measured(s.points).length > 0);
}

/**
 * « Évolution » of one server: the last 7 days (or 24 h, or 90 days) of each volume's percent and
 * of the processor, one SVG line per series on a shared time axis (history-chart.ts), the start
 * of each alert as a dashed tick, a legend with the last value. Reloads `servers:history` when
 * `sampledAt` changes (a new reading).
 */
export function ServerChart({ serverId, sampledAt }: { serverId: number; sampledAt: string | null }) {
  const { t } = useTranslation();
  const id = useId();
  const locale = LOCALES[useSettings((s) => s.language)];
  const load = useServers((s) => s.history);
  const [days, setDays] = useState<number>(PERIODS[0]);
  const [state, setState] = useState<Loaded>({ status: 'loading' });
  const request = useRef(0);

  useEffect(() => {
    const current = ++request.current;
    load(serverId, days).then(
      (history) => {
        if (current === request.current) setState({ status: 'loaded', history });
      },
      (error: unknown) => {
        if (current === request.current) setState({ status: 'error', error: toStoreError(error) });
      },
    );
  }, [load, serverId, days, sampledAt]);

  return (
    <section className="server-chart" aria-labelledby={`${id}-heading`}>
      <div className="server-chart-head">
        <h4 id={`${id}-heading`}>{t('servers.chart.heading')}</h4>
        <div className="server-chart-periods" role="group" aria-label={t('servers.chart.period')}>
          {PERIODS.map((period) => (
            <button key={period} type="button" aria-pressed={days === period} onClick={() => setDays(period)}>
              {t(`servers.chart.periods.${period}`)}
            </button>
          ))}
        </div>
      </div>
      {state.status === 'loading' ? <p className="help">{t('servers.chart.loading')}</p> : null}
      {state.status === 'error' ? <ErrorAlert error={state.error} /> : null}
      {state.status === 'loaded' ? <ChartBody history={state.history} locale={locale} /> : null}
    </section>
  );
}

function ChartBody({ history, locale }: { history: ServerHistory; locale: string }) {
  const { t } = useTranslation();
  const series = chartSeries(history, t('servers.chart.cpu'));
  const times = series.flatMap((s) => measured(s.points).map((p) => p.t));
  if (times.length < 2 || Math.min(...times) === Math.max(...times)) {
    return <p className="help">{t('servers.chart.empty')}</p>;
  }
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const frame = { width: WIDTH, height: HEIGHT, yMin: 0, yMax: 100 };
  // The same time axis for every line: each series is framed by gap points at the ends.
  const framed = (points: ChartPoint[]): ChartPoint[] => [{ t: t0, v: null }, ...points, { t: t1, v: null }];
  const marks = history.alerts.map((a) => Date.parse(a.startedAt)).filter(Number.isFinite);
  const ticks = chartShapes(framed([]), frame, marks).ticks;
  const lastOf = (s: Series) => Math.round(measured(s.points).at(-1)?.v ?? 0);
  const label = t('servers.chart.label', {
    from: formatDateTime(new Date(t0).toISOString(), locale),
    to: formatDateTime(new Date(t1).toISOString(), locale),
    series: series.map((s) => t('servers.chart.seriesLast', { name: s.name, percent: lastOf(s) })).join(', '),
  });
  return (
    <>
      <svg
        className="server-chart-svg"
        role="img"
        aria-label={label}
        data-testid="server-chart"
        viewBox={`${-PAD} ${-PAD} ${WIDTH + 2 * PAD} ${HEIGHT + 2 * PAD}`}
        preserveAspectRatio="none"
      >
        <rect className="history-frame" x={0} y={0} width={WIDTH} height={HEIGHT} />
        {[25, 50, 75].map((percent) => (
          <line
            key={percent}
            className="server-chart-grid"
            x1={0}
            x2={WIDTH}
            y1={HEIGHT - (percent / 100) * HEIGHT}
            y2={HEIGHT - (percent / 100) * HEIGHT}
          />
        ))}
        {ticks.map((x, i) => (
          <line key={`${x}-${i}`} className="history-tick" x1={x} x2={x} y1={0} y2={HEIGHT} />
        ))}
        {series.map((s, index) => {
          const { path, dots } = chartShapes(framed(s.points), frame);
          return (
            <g key={s.key} className={`series-${index % 6}`} data-series={s.name}>
              {path ? <path className="history-line" d={path} /> : null}
              {dots.map((dot, i) => (
                <circle key={`${dot.x}-${i}`} className="history-dot" cx={dot.x} cy={dot.y} r={3} />
              ))}
            </g>
          );
        })}
      </svg>
      <div className="server-chart-axis help" aria-hidden="true">
        <span>{formatDateTime(new Date(t0).toISOString(), locale)}</span>
        <span>{t('servers.chart.scale')}</span>
        <span>{formatDateTime(new Date(t1).toISOString(), locale)}</span>
      </div>
      <ul className="server-chart-legend" aria-label={t('servers.chart.legend')}>
        {series.map((s, index) => (
          <li key={s.key} className={`series-${index % 6}`}>
            <span className="swatch" aria-hidden="true" />
            {t('servers.chart.seriesLast', { name: s.name, percent: lastOf(s) })}
          </li>
        ))}
      </ul>
      {ticks.length > 0 ? <p className="help">{t('servers.chart.alertTicks')}</p> : null}
    </>
  );
}
