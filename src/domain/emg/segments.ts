/**
 * Segmental motor conduction: rows of one study and side stimulated at successive sites (ankle,
 * below and above the fibular head, popliteal fossa; tibial ankle and knee). Between two sites the
 * CMAP amplitude may drop (conduction block) and the segment velocity may fall below that of the
 * segment distal to it (focal slowing); both localize a demyelinating lesion to that segment.
 * Site names and the segment each pair of sites spans are DATA below; thresholds come in as
 * parameters (localization/parameters.ts, with their sources).
 */
import type { InnervationBranch } from './muscles';
import { resolveNcsNerve } from './ncsLookup';
import { normalizeName } from './normalize';
import type { NcsRow } from './types';

export type StimulationSiteId = 'ankle' | 'below-fibular-head' | 'above-fibular-head' | 'popliteal-fossa' | 'knee';

/** How reports write the sites (normalised words; the first pattern whose words all occur wins). */
const SITE_PATTERNS: ReadonlyArray<{ readonly site: StimulationSiteId; readonly words: readonly string[] }> = [
  { site: 'below-fibular-head', words: ['below', 'fib'] },
  { site: 'below-fibular-head', words: ['below', 'fibular'] },
  { site: 'below-fibular-head', words: ['bfh'] },
  { site: 'below-fibular-head', words: ['fib', 'head'] },
  { site: 'below-fibular-head', words: ['fibular', 'head'] },
  { site: 'below-fibular-head', words: ['fibula'] },
  { site: 'below-fibular-head', words: ['b', 'fib'] },
  { site: 'above-fibular-head', words: ['above', 'fib'] },
  { site: 'above-fibular-head', words: ['above', 'fibular'] },
  { site: 'above-fibular-head', words: ['afh'] },
  { site: 'above-fibular-head', words: ['a', 'fib'] },
  { site: 'popliteal-fossa', words: ['popliteal'] },
  { site: 'popliteal-fossa', words: ['poplt'] },
  { site: 'popliteal-fossa', words: ['popl'] },
  { site: 'popliteal-fossa', words: ['pop'] },
  { site: 'popliteal-fossa', words: ['pf'] },
  { site: 'knee', words: ['knee'] },
  { site: 'ankle', words: ['ankle'] },
  { site: 'ankle', words: ['malleolus'] },
  { site: 'ankle', words: ['med', 'mall'] },
];

/** "Fib head" alone is read as below the fibular head (the usual stimulation point); "above" wins when written. */
export function resolveStimulationSite(text: string | undefined): StimulationSiteId | null {
  if (!text) return null;
  const words = new Set(normalizeName(text).split(' '));
  if (words.has('above') && (words.has('fib') || words.has('fibular') || words.has('fh'))) return 'above-fibular-head';
  for (const p of SITE_PATTERNS) if (p.words.every((w) => words.has(w))) return p.site;
  return null;
}

/** Distal-to-proximal order of the sites on the motor studies that have segments. */
const SITE_ORDER: Readonly<Record<StimulationSiteId, number>> = {
  ankle: 0,
  'below-fibular-head': 1,
  'above-fibular-head': 2,
  'popliteal-fossa': 2,
  knee: 2,
};

/** Which graph branch a segment between two sites lies on, per study (null: the pair spans more than one). */
function segmentBranch(nerveId: string, distal: StimulationSiteId, proximal: StimulationSiteId): InnervationBranch | null {
  const d = SITE_ORDER[distal];
  const p = SITE_ORDER[proximal];
  if (nerveId.startsWith('peroneal-motor')) {
    if (d === 1 && p === 2) return 'common-peroneal-fibular-head';
    if (d === 0 && p === 1) return 'deep-peroneal';
    return null;
  }
  if (nerveId.startsWith('tibial-motor')) return d === 0 && p === 2 ? 'tibial' : null;
  return null;
}

const SITE_LABEL: Readonly<Record<StimulationSiteId, string>> = {
  ankle: 'ankle',
  'below-fibular-head': 'below the fibular head',
  'above-fibular-head': 'above the fibular head',
  'popliteal-fossa': 'popliteal fossa',
  knee: 'knee',
};

export interface SegmentThresholds {
  readonly blockDropFraction: number;
  readonly definiteBlockDropFraction: number;
  readonly blockMinDistalFractionOfLimit: number;
  readonly focalSlowingMs: number;
  /** Citations printed after each text, e.g. "[Buschbacher, peroneal]". */
  readonly blockSource: string;
  readonly definiteBlockSource: string;
  readonly slowingSource: string;
}

export interface SegmentFinding {
  readonly nerveId: string;
  readonly nerveLabel: string;
  readonly side: NcsRow['side'];
  readonly from: StimulationSiteId;
  readonly to: StimulationSiteId;
  /** The graph branch the segment lies on (null when the two sites span more than one). */
  readonly branch: InnervationBranch | null;
  /** Amplitude drop from the distal to the proximal site, as a fraction (0.4 = 40 % lower). */
  readonly amplitudeDrop: number | null;
  readonly conductionBlock: 'definite' | 'probable' | null;
  /** Velocity of this segment minus that of the segment distal to it (m/s), when both are given. */
  readonly slowingMs: number | null;
  readonly focalSlowing: boolean;
  /** One line per abnormality, with its source: "Conduction block below → above the fibular head: amplitude 4.8 → 2.1 mV (56 % drop ≥ 50 %) [EFNS/PNS 2010]". */
  readonly texts: readonly string[];
  readonly rowIds: readonly string[];
  /** True when the distal response was too small for block to be judged. */
  readonly blockNotJudged: boolean;
}

const pct = (x: number): string => `${Math.round(x * 100)} %`;

/**
 * Analyse the segments of every motor study stimulated at two or more recognised sites. Rows are
 * ordered distal to proximal by site (not by position in the table). The distal-amplitude limit
 * (for "block judged only when the distal CMAP is large enough") comes from `distalLimitOf`.
 */
export function analyseSegments(
  rows: readonly NcsRow[],
  thresholds: SegmentThresholds,
  distalLimitOf: (nerveId: string) => number | undefined = () => undefined,
): SegmentFinding[] {
  const groups = new Map<string, Array<{ row: NcsRow; site: StimulationSiteId; index: number }>>();
  rows.forEach((row, index) => {
    if (row.kind !== 'motor') return;
    const nerve = resolveNcsNerve(row.nerve);
    const site = resolveStimulationSite(row.stimulationSite);
    if (!nerve || !site) return;
    const key = `${nerve.id}|${row.side}`;
    const list = groups.get(key) ?? [];
    list.push({ row, site, index });
    groups.set(key, list);
  });

  const out: SegmentFinding[] = [];
  for (const [key, list] of groups) {
    if (list.length < 2) continue;
    const nerveId = key.split('|')[0]!;
    const nerve = resolveNcsNerve(nerveId)!;
    const sorted = [...list].sort((a, b) => SITE_ORDER[a.site] - SITE_ORDER[b.site] || a.index - b.index);
    for (let i = 1; i < sorted.length; i++) {
      const distal = sorted[i - 1]!;
      const proximal = sorted[i]!;
      if (SITE_ORDER[distal.site] === SITE_ORDER[proximal.site]) continue;
      const branch = segmentBranch(nerveId, distal.site, proximal.site);
      const texts: string[] = [];
      const where = `${SITE_LABEL[distal.site]} → ${SITE_LABEL[proximal.site]}`;

      let amplitudeDrop: number | null = null;
      let conductionBlock: SegmentFinding['conductionBlock'] = null;
      let blockNotJudged = false;
      const a0 = distal.row.noResponse ? 0 : distal.row.amplitude;
      const a1 = proximal.row.noResponse ? 0 : proximal.row.amplitude;
      if (a0 !== undefined && a1 !== undefined && a0 > 0) {
        amplitudeDrop = 1 - a1 / a0;
        const limit = distalLimitOf(nerveId);
        if (limit !== undefined && a0 < thresholds.blockMinDistalFractionOfLimit * limit) {
          blockNotJudged = amplitudeDrop > thresholds.blockDropFraction;
        } else if (amplitudeDrop >= thresholds.definiteBlockDropFraction) {
          conductionBlock = 'definite';
          texts.push(
            `Conduction block ${where}: amplitude ${a0.toFixed(1)} → ${a1.toFixed(1)} mV (${pct(amplitudeDrop)} drop ≥ ${pct(thresholds.definiteBlockDropFraction)}) ${thresholds.definiteBlockSource}`,
          );
        } else if (amplitudeDrop > thresholds.blockDropFraction) {
          conductionBlock = 'probable';
          texts.push(
            `Probable conduction block ${where}: amplitude ${a0.toFixed(1)} → ${a1.toFixed(1)} mV (${pct(amplitudeDrop)} drop > ${pct(thresholds.blockDropFraction)}, the upper limit of normal) ${thresholds.blockSource}`,
          );
        }
      }

      let slowingMs: number | null = null;
      let focalSlowing = false;
      const v1 = proximal.row.velocityMs;
      const v0 = distal.row.velocityMs;
      if (v1 !== undefined && v0 !== undefined && SITE_ORDER[distal.site] > 0) {
        slowingMs = v0 - v1;
        if (slowingMs > thresholds.focalSlowingMs) {
          focalSlowing = true;
          texts.push(
            `Focal slowing ${where}: ${v1.toFixed(0)} m/s against ${v0.toFixed(0)} m/s in the segment below (${slowingMs.toFixed(0)} m/s slower, > ${thresholds.focalSlowingMs} m/s) ${thresholds.slowingSource}`,
          );
        }
      }
      out.push({
        nerveId,
        nerveLabel: nerve.label,
        side: distal.row.side,
        from: distal.site,
        to: proximal.site,
        branch,
        amplitudeDrop,
        conductionBlock,
        slowingMs,
        focalSlowing,
        texts,
        rowIds: [distal.row.id ?? `ncs-${distal.index + 1}`, proximal.row.id ?? `ncs-${proximal.index + 1}`],
        blockNotJudged,
      });
    }
  }
  return out;
}
