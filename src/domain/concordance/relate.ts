import type { Side } from '../types';
import type { SegmentComparison } from '../comparison';
import {
  getNode,
  isAtOrBelow,
  isRootNode,
  lesionAffects,
  segmentPlacement,
  type LesionLevel,
  type LesionSite,
  type LocalizationResult,
  type LocalizedFinding,
} from '../localization';

/** 'undetermined': the localization is tied or conflicting, so the segment cannot be judged against one lesion. */
export type ConcordanceStatus = 'agrees' | 'partially' | 'disagrees' | 'undetermined' | 'cannot-assess';
/** Where the EMG lesion lies relative to the imaged segment ('diffuse': a generalized polyneuropathy). */
export type LesionRelation = 'at-segment' | 'proximal' | 'distal' | 'elsewhere' | 'other-side' | 'diffuse' | 'no-lesion' | 'unknown';
export type ImagingState = 'abnormal' | 'normal' | 'unknown';

export interface ConcordanceEntry {
  readonly nerve: SegmentComparison['nerve'];
  readonly site: SegmentComparison['site'];
  readonly modality: SegmentComparison['modality'];
  readonly side: Side;
  /** "Right sciatic nerve, gluteal fold (US)" */
  readonly label: string;
  /** Graph node of the measured segment; null when it cannot be placed (custom nerve). */
  readonly segmentNode: LesionLevel | null;
  readonly imaging: ImagingState;
  /** EMG-abnormal muscles on this side downstream of the segment. */
  readonly downstreamAbnormalMuscles: ReadonlyArray<{ readonly id: string; readonly label: string }>;
  /** Abnormal conduction studies on this side downstream of the segment. */
  readonly downstreamAbnormalStudies: ReadonlyArray<{ readonly id: string; readonly label: string }>;
  /** Sites of the best EMG hypothesis on this side. */
  readonly emgSites: readonly LesionSite[];
  readonly relation: LesionRelation;
  readonly status: ConcordanceStatus;
  /** Does the EMG lesion lie on this side? null when EMG shows no lesion. */
  readonly sameSide: boolean | null;
  /** Does the EMG lesion lie on this nerve (at, or distal to, the segment, or on the nerve above it)? null when not applicable. */
  readonly sameNerve: boolean | null;
  /** Set when the EMG localization lies proximal to the measured site: where to image next. */
  readonly proximalExtension: { readonly level: LesionLevel; readonly label: string; readonly advice: string } | null;
  /** Set when the EMG lesion lies distal to the measured site. */
  readonly distalSite: { readonly level: LesionLevel; readonly label: string; readonly advice: string } | null;
  readonly statement: string;
}

const SIDE_WORD: Readonly<Record<Side, 'Left' | 'Right'>> = { L: 'Left', R: 'Right' };
const RELATION_PRIORITY: readonly LesionRelation[] = ['at-segment', 'proximal', 'distal', 'diffuse', 'elsewhere'];

type Hypothesis = LocalizationResult['alternatives'][number];

/** The relation of a hypothesis to a segment on one side, and the lesion site that decides it. */
function relationTo(
  hypothesis: Hypothesis | null,
  node: LesionLevel | null,
  aboveLesionSite: boolean,
  side: Side,
  localization: LocalizationResult,
): { relation: LesionRelation; lesion: LesionSite | null } {
  if (!node) return { relation: 'unknown', lesion: null };
  if (localization.confidence === 'none') return { relation: 'no-lesion', lesion: null };
  if (!hypothesis) return { relation: 'unknown', lesion: null };
  const own = hypothesis.sites.filter((s) => s.side === side);
  const ranked = own
    .map((s) => ({ s, r: relationOf(s.level, node, aboveLesionSite) as LesionRelation }))
    .sort((a, b) => RELATION_PRIORITY.indexOf(a.r) - RELATION_PRIORITY.indexOf(b.r));
  const first = ranked[0];
  // A polyneuropathy involves every segment of the leg diffusely; a focal lesion at or above the segment says more.
  if (hypothesis.diffuse && (!first || RELATION_PRIORITY.indexOf(first.r) > RELATION_PRIORITY.indexOf('diffuse'))) {
    return { relation: 'diffuse', lesion: null };
  }
  if (!first) return { relation: 'other-side', lesion: null };
  return { relation: first.r, lesion: first.s };
}

function imagingState(c: SegmentComparison, side: Side): ImagingState {
  const v = c.verdict;
  if (v.kind === 'insufficient-data') return 'unknown';
  if (v.enlargedSides.includes(side) || (v.asymmetry === 'asymmetric' && v.largerSide === side)) return 'abnormal';
  const own = side === 'L' ? c.left : c.right;
  return own?.vsLimit === 'within' ? 'normal' : 'unknown';
}

/** Relation of an EMG lesion site to the imaged segment node (same side assumed). */
export function relationOf(
  lesion: LesionLevel,
  segment: LesionLevel,
  aboveLesionSite = false,
): Exclude<LesionRelation, 'other-side' | 'no-lesion' | 'unknown'> {
  if (lesion === segment) return aboveLesionSite ? 'distal' : 'at-segment';
  // The sciatic nerve measured in the thigh carries both divisions.
  if (segment === 'sciatic-trunk' && (lesion === 'sciatic-peroneal-division' || lesion === 'sciatic-tibial-division')) return 'at-segment';
  if (isRootNode(lesion)) return getNode(segment).roots.includes(getNode(lesion).roots[0]!) ? 'proximal' : 'elsewhere';
  if (isAtOrBelow(segment, lesion)) return 'proximal';
  if (isAtOrBelow(lesion, segment)) return 'distal';
  return 'elsewhere';
}

function downstream(findings: readonly LocalizedFinding[], node: LesionLevel | null, side: Side, kind: LocalizedFinding['kind']) {
  if (!node) return [];
  return findings
    .filter((f) => f.side === side && f.kind === kind && f.abnormal && f.placement && lesionAffects(node, f.placement))
    .map((f) => ({ id: f.id, label: f.label.replace(/^(Left|Right) /, '') }));
}

/**
 * Relate each measured segment (nerve + site + side) to the EMG localization: which EMG-abnormal
 * muscles lie downstream of it, whether the EMG lesion coincides in side and nerve, whether the
 * EMG localization extends proximal to the measured site (then where to image next), and a
 * concordance statement: agrees / partially / disagrees / cannot assess.
 */
export function relateImagingToEmg(
  comparisons: readonly SegmentComparison[],
  localization: LocalizationResult,
): ConcordanceEntry[] {
  const best = localization.alternatives[0] ?? null;
  const entries: ConcordanceEntry[] = [];

  for (const c of comparisons) {
    for (const side of ['L', 'R'] as const) {
      const measured = side === 'L' ? c.left : c.right;
      if (!measured) continue;
      const placement = segmentPlacement(c.nerve, c.site);
      const node = placement?.node ?? null;
      const label = `${SIDE_WORD[side]} ${c.label.charAt(0).toLowerCase()}${c.label.slice(1)} (${c.modality})`;
      const imaging = imagingState(c, side);
      const muscles = downstream(localization.findings, node, side, 'muscle');
      const studies = downstream(localization.findings, node, side, 'ncs');
      const emgSites = best ? best.sites.filter((s) => s.side === side) : [];

      const { relation, lesion } = relationTo(best, node, placement?.aboveLesionSite ?? false, side, localization);
      const sameSide = relation === 'no-lesion' || relation === 'unknown' ? null : relation !== 'other-side';
      // Another level of the same nerve on this side is enlarged (sciatic: gluteal fold, mid-thigh, distal thigh).
      const enlargedSibling =
        node === null
          ? null
          : (comparisons.find(
              (o) => o !== c && o.nerve === c.nerve && (side === 'L' ? o.left : o.right) && segmentPlacement(o.nerve, o.site)?.node === node && imagingState(o, side) === 'abnormal',
            ) ?? null);
      const sameNerve =
        lesion === null
          ? null
          : relation === 'at-segment' ||
            relation === 'distal' ||
            (relation === 'proximal' && !isRootNode(lesion.level) && getNode(lesion.level).kind !== 'plexus');

      const proximalExtension =
        relation === 'proximal' && lesion
          ? { level: lesion.level, label: lesion.label, advice: getNode(lesion.level).imagingAdvice }
          : null;
      const distalSite =
        relation === 'distal' && lesion ? { level: lesion.level, label: lesion.label, advice: getNode(lesion.level).imagingAdvice } : null;

      let status = decide(imaging, relation, localization, node);
      if (status === 'disagrees' && relation === 'at-segment' && imaging === 'normal' && enlargedSibling) status = 'agrees';
      // Tied or conflicting localization: undetermined unless every close alternative gives the same answer.
      const runnerUp = localization.alternatives[1] ?? null;
      if (status !== 'cannot-assess' && (localization.confidence === 'conflicting' || (localization.tied && runnerUp))) {
        const other = relationTo(runnerUp, node, placement?.aboveLesionSite ?? false, side, localization);
        const otherStatus = decide(imaging, other.relation, localization, node);
        if (localization.confidence === 'conflicting' || otherStatus !== status) status = 'undetermined';
      }
      const statement = describe({
        label,
        imaging,
        imagingText: c.verdict.text,
        relation,
        status,
        lesion,
        localization,
        muscles,
        proximalExtension,
        distalSite,
        nodePlaced: node !== null,
        enlargedSibling: enlargedSibling ? enlargedSibling.label : null,
      });

      entries.push({
        nerve: c.nerve,
        site: c.site,
        modality: c.modality,
        side,
        label,
        segmentNode: node,
        imaging,
        downstreamAbnormalMuscles: muscles,
        downstreamAbnormalStudies: studies,
        emgSites,
        relation,
        status,
        sameSide,
        sameNerve,
        proximalExtension,
        distalSite,
        statement,
      });
    }
  }
  return entries;
}

function decide(imaging: ImagingState, relation: LesionRelation, localization: LocalizationResult, node: LesionLevel | null): ConcordanceStatus {
  if (imaging === 'unknown' || node === null) return 'cannot-assess';
  if (localization.findings.length === 0) return 'cannot-assess';
  if (relation === 'unknown') return 'cannot-assess';
  const abnormal = imaging === 'abnormal';
  switch (relation) {
    case 'no-lesion':
      return abnormal ? 'disagrees' : 'agrees';
    case 'at-segment':
      return abnormal ? 'agrees' : 'disagrees';
    case 'proximal':
    case 'distal':
      return abnormal ? 'partially' : 'agrees';
    case 'diffuse':
      // Axonal polyneuropathies leave nerve size normal; enlargement fits a demyelinating one only partly.
      return abnormal ? 'partially' : 'agrees';
    case 'elsewhere':
    case 'other-side':
      return abnormal ? 'disagrees' : 'agrees';
  }
}

interface DescribeInput {
  readonly label: string;
  readonly imaging: ImagingState;
  readonly imagingText: string;
  readonly relation: LesionRelation;
  readonly status: ConcordanceStatus;
  readonly lesion: LesionSite | null;
  readonly localization: LocalizationResult;
  readonly muscles: ReadonlyArray<{ readonly label: string }>;
  readonly proximalExtension: ConcordanceEntry['proximalExtension'];
  readonly distalSite: ConcordanceEntry['distalSite'];
  readonly nodePlaced: boolean;
  readonly enlargedSibling: string | null;
}

const STATUS_WORD: Readonly<Record<ConcordanceStatus, string>> = {
  agrees: 'Agrees',
  partially: 'Partially agrees',
  disagrees: 'Disagrees',
  undetermined: 'Undetermined',
  'cannot-assess': 'Cannot assess',
};

function describe(d: DescribeInput): string {
  const parts: string[] = [
    `${d.label}: ${d.imaging === 'abnormal' ? 'abnormal size' : d.imaging === 'normal' ? 'size normal' : 'size not judged'} (segment: ${d.imagingText})`,
  ];
  const best = d.localization.alternatives[0];
  parts.push(`EMG: ${d.localization.summary}`);
  if (d.localization.confidence === 'conflicting' && d.status !== 'undetermined') parts.push('The EMG findings conflict, so any agreement is tentative.');
  const downstreamText =
    d.muscles.length > 0 ? `EMG-abnormal muscles downstream: ${d.muscles.map((m) => m.label).join(', ')}.` : 'No EMG-abnormal muscle downstream of this segment.';

  let why: string;
  if (!d.nodePlaced) why = 'this segment is not on the nerve graph (custom nerve).';
  else if (d.imaging === 'unknown') why = 'the size at this segment cannot be judged (see the comparison).';
  else if (d.localization.findings.length === 0) why = 'no EMG or nerve-conduction findings were entered.';
  else if (d.status === 'undetermined') {
    why =
      d.localization.confidence === 'conflicting'
        ? 'the EMG findings conflict, so this segment cannot be judged against one lesion.'
        : `the EMG localization is tied (${d.localization.alternatives.slice(0, 2).map((a) => a.pattern).join(' or ')}), and the two place this segment differently.`;
  } else if (d.relation === 'at-segment' && d.imaging === 'normal' && d.enlargedSibling) {
    why = `the EMG places the lesion on this nerve and another level of it is enlarged (${d.enlargedSibling.toLowerCase()}); a focal lesion leaves this level normal.`;
  } else {
    switch (d.relation) {
      case 'diffuse':
        why =
          d.imaging === 'abnormal'
            ? `the EMG points to a ${best?.diffuse?.name ?? 'polyneuropathy'}; nerve enlargement fits a demyelinating process, less an axonal one.`
            : `the EMG points to a ${best?.diffuse?.name ?? 'polyneuropathy'}; a normal size is usual in an axonal polyneuropathy.`;
        break;
      case 'no-lesion':
        why = d.imaging === 'abnormal' ? 'the nerve is enlarged but the electrodiagnostic study shows no lesion.' : 'normal size and a normal electrodiagnostic study.';
        break;
      case 'at-segment':
        why =
          d.imaging === 'abnormal'
            ? `same side and nerve: the EMG places the lesion at this segment (${d.lesion?.label.toLowerCase()}).`
            : `the EMG places the lesion at this segment (${d.lesion?.label.toLowerCase()}) but its size is normal; a normal size does not exclude a lesion.`;
        break;
      case 'proximal':
        why =
          d.imaging === 'abnormal'
            ? `same side, but the EMG localization (${d.lesion?.label.toLowerCase()}) extends proximal to the measured site.`
            : `the EMG lesion (${d.lesion?.label.toLowerCase()}) lies proximal to this normal segment.`;
        break;
      case 'distal':
        why =
          d.imaging === 'abnormal'
            ? `same side and nerve, but the EMG places the lesion more distally (${d.lesion?.label.toLowerCase()}).`
            : `the EMG lesion (${d.lesion?.label.toLowerCase()}) lies distal to this normal segment.`;
        break;
      case 'elsewhere':
        why =
          d.imaging === 'abnormal'
            ? `the enlarged segment is not on the path of the EMG lesion (${best?.sites.map((s) => s.label.toLowerCase()).join(' + ')}).`
            : 'the EMG lesion lies on another nerve; this segment is normal.';
        break;
      case 'other-side':
        why =
          d.imaging === 'abnormal'
            ? `side mismatch: the EMG lesion is on the other side (${best?.sites.map((s) => s.label.toLowerCase()).join(' + ')}).`
            : 'the EMG lesion is on the other side; this side is normal.';
        break;
      default:
        why = 'the EMG findings could not be localized.';
    }
  }
  parts.push(`${STATUS_WORD[d.status]}: ${why}`);
  parts.push(downstreamText);
  if (d.proximalExtension) parts.push(`Image next: ${d.proximalExtension.advice}.`);
  if (d.distalSite) parts.push(`Image the distal site: ${d.distalSite.advice}.`);
  return parts.join(' ');
}
