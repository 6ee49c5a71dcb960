/**
 * Geometry of a profile plot (pure: no Vue, no DOM, so it is unit-tested): sites along x in
 * anatomical order, CSA in mm² along y from 0, one line per side through the site means (broken
 * where a side has no mean at a site), SD bars, each repeat as a dot, and the site's upper limit as
 * a band (normal range, 0 → limit) only where the reference set has one.
 */
import type { NerveMeasurement } from '../../domain/measurement';
import type { NerveProfile, ProfilePoint } from '../../domain/profile';
import type { Side } from '../../domain/types';

export const PLOT = { width: 560, height: 260, left: 48, right: 12, top: 14, bottom: 46 } as const;
/** Left points sit a little left of the site, right points a little right, so they never hide each other. */
const SIDE_OFFSET = 7;
/** Distance of the first repeat dot from its mean, and between repeat dots (px). */
const REPEAT_GAP = 10;
const REPEAT_STEP = 6;

export interface PlotPoint {
  readonly side: Side;
  readonly site: string;
  readonly x: number;
  readonly y: number;
  readonly valueMm2: number;
  readonly measurementId: string;
  readonly excluded: boolean;
}

export interface PlotMean extends Omit<PlotPoint, 'excluded'> {
  readonly sdMm2: number | null;
  readonly count: number;
  /** SD bar ends (y), or null for a single repeat. */
  readonly bar: { readonly y0: number; readonly y1: number } | null;
}

export interface PlotLayout {
  readonly width: number;
  readonly height: number;
  readonly plotLeft: number;
  readonly plotRight: number;
  readonly plotTop: number;
  readonly plotBottom: number;
  readonly yTicks: readonly { readonly value: number; readonly y: number }[];
  readonly sites: readonly { readonly site: string; readonly label: string; readonly x: number; readonly hasLimit: boolean }[];
  readonly bands: readonly { readonly site: string; readonly x: number; readonly width: number; readonly y: number; readonly height: number; readonly limitMm2: number; readonly source: string }[];
  readonly lines: readonly { readonly side: Side; readonly path: string }[];
  readonly means: readonly PlotMean[];
  readonly repeats: readonly PlotPoint[];
}

function niceStep(max: number): number {
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * power).find((s) => s >= rough);
  return step ?? 10 * power;
}

const areaOf = (m: NerveMeasurement): number | null => (m.metrics.calibrated ? m.metrics.areaMm2 : null);

export function planProfilePlot(profile: NerveProfile, byId: ReadonlyMap<string, NerveMeasurement>): PlotLayout {
  const plotLeft = PLOT.left;
  const plotRight = PLOT.width - PLOT.right;
  const plotTop = PLOT.top;
  const plotBottom = PLOT.height - PLOT.bottom;
  const n = profile.sites.length;
  const spacing = (plotRight - plotLeft) / Math.max(1, n);
  const siteX = (i: number): number => plotLeft + spacing * (i + 0.5);

  const points = (p: ProfilePoint | null): readonly string[] => (p ? [...p.measurementIds, ...p.excludedIds] : []);
  const values: number[] = [];
  for (const s of profile.sites) {
    for (const p of [s.left, s.right]) {
      for (const id of points(p)) {
        const m = byId.get(id);
        const a = m ? areaOf(m) : null;
        if (a !== null) values.push(a);
      }
      if (p?.summary) values.push(p.summary.meanMm2 + (p.summary.sdMm2 ?? 0));
    }
    if (s.threshold) values.push(s.threshold.upperLimitMm2);
  }
  const step = niceStep(Math.max(1, ...values) * 1.08);
  const yMax = Math.ceil((Math.max(1, ...values) * 1.08) / step) * step;
  const y = (v: number): number => plotBottom - (v / yMax) * (plotBottom - plotTop);
  const yTicks = Array.from({ length: Math.round(yMax / step) + 1 }, (_, i) => ({ value: i * step, y: y(i * step) }));

  const means: PlotMean[] = [];
  const repeats: PlotPoint[] = [];
  const lines: { side: Side; path: string }[] = [];
  for (const side of ['L', 'R'] as const) {
    const offset = side === 'L' ? -SIDE_OFFSET : SIDE_OFFSET;
    let path = '';
    let drawing = false;
    profile.sites.forEach((s, i) => {
      const p = side === 'L' ? s.left : s.right;
      const x = siteX(i) + offset;
      const summary = p?.summary ?? null;
      if (p && summary) {
        const sd = summary.sdMm2;
        means.push({
          side,
          site: s.site,
          x,
          y: y(summary.meanMm2),
          valueMm2: summary.meanMm2,
          sdMm2: sd,
          count: summary.count,
          measurementId: p.measurementIds[0]!,
          bar: sd === null ? null : { y0: y(summary.meanMm2 - sd), y1: y(summary.meanMm2 + sd) },
        });
        path += `${drawing ? 'L' : 'M'}${x.toFixed(2)},${y(summary.meanMm2).toFixed(2)} `;
        drawing = true;
      } else {
        drawing = false; // a gap: no line through a site without a mean
      }
      // Repeats fan out beside their mean (outwards from the site), so each dot can be clicked.
      points(p).forEach((id, k) => {
        const m = byId.get(id);
        const a = m ? areaOf(m) : null;
        if (a === null) return;
        const dx = REPEAT_GAP + k * REPEAT_STEP;
        repeats.push({ side, site: s.site, x: x + (side === 'L' ? -dx : dx), y: y(a), valueMm2: a, measurementId: id, excluded: m!.excluded === true });
      });
    });
    if (path) lines.push({ side, path: path.trim() });
  }

  return {
    width: PLOT.width,
    height: PLOT.height,
    plotLeft,
    plotRight,
    plotTop,
    plotBottom,
    yTicks,
    sites: profile.sites.map((s, i) => ({ site: s.site, label: s.label, x: siteX(i), hasLimit: s.threshold !== null })),
    bands: profile.sites.flatMap((s, i) =>
      s.threshold
        ? [{ site: s.site, x: siteX(i) - spacing * 0.4, width: spacing * 0.8, y: y(s.threshold.upperLimitMm2), height: plotBottom - y(s.threshold.upperLimitMm2), limitMm2: s.threshold.upperLimitMm2, source: s.threshold.source }]
        : [],
    ),
    lines,
    means,
    repeats,
  };
}
