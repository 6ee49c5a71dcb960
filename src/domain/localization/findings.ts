import type { Side } from '../types';
import {
  DEFAULT_NCS_LIMITS,
  analyseSegments,
  flagNcs,
  isMuscleAbnormal,
  resolveMuscle,
  resolveNcsNerve,
  type NcsLimitSet,
  type NcsRow,
  type NeedleEmgRow,
  type SegmentFinding,
} from '../emg';
import { cite } from '../reference/citations';
import { isRecruitmentOnly, muscleEvidence, ncsEvidence } from './evidence';
import { CONDUCTION_DOCS, CONDUCTION_THRESHOLDS, EVIDENCE_WEIGHTS, type EvidenceWeights } from './parameters';
import type { LocalizedFinding } from './types';

const sideWord = (side: Side): string => (side === 'L' ? 'Left' : 'Right');

function lowerFirst(text: string): string {
  return text.length > 0 ? text[0]!.toLowerCase() + text.slice(1) : text;
}

interface Built {
  readonly findings: LocalizedFinding[];
  readonly notes: string[];
  readonly segments: readonly SegmentFinding[];
}

export interface FindingOptions {
  readonly limits?: NcsLimitSet;
  readonly ageYears?: number;
  readonly evidence?: EvidenceWeights;
}

/**
 * Turn EMG and NCS rows into findings on the graph. Several rows of one muscle (or one study) and
 * side are merged: abnormal if any row is abnormal (a note records rows that disagree). Rows that
 * record nothing are left out. Free-text muscles and studies are kept but not placed. Each finding
 * carries its evidence weight (evidence.ts); conduction block or focal slowing across a segment
 * becomes a finding of its own on that segment's node.
 */
export function buildFindings(emg: readonly NeedleEmgRow[], ncs: readonly NcsRow[], opts: FindingOptions = {}): Built {
  const limits = opts.limits ?? DEFAULT_NCS_LIMITS;
  const ew = opts.evidence ?? EVIDENCE_WEIGHTS;
  const notes: string[] = [];
  const merged = new Map<string, { finding: LocalizedFinding; normalSeen: boolean; abnormalSeen: boolean }>();
  const order: string[] = [];

  emg.forEach((row, index) => {
    const muscle = resolveMuscle(row.muscle);
    const assessment = isMuscleAbnormal(row);
    const name = muscle ? muscle.label : row.muscle.trim();
    if (!assessment.assessed) {
      notes.push(`${sideWord(row.side)} ${lowerFirst(name)}: nothing recorded, left out.`);
      return;
    }
    const key = `muscle|${muscle?.id ?? row.muscle.trim().toLowerCase()}|${row.side}`;
    const finding: LocalizedFinding = {
      id: row.id ?? `emg-${index + 1}`,
      kind: 'muscle',
      side: row.side,
      label: `${sideWord(row.side)} ${lowerFirst(name)}`,
      abnormal: assessment.abnormal,
      reasons: assessment.reasons,
      severity: assessment.severity,
      ...evidenceFields(assessment.abnormal ? muscleEvidence(row, ew) : null),
      recruitmentOnly: assessment.abnormal && isRecruitmentOnly(row),
      sideToSideOnly: false,
      segmentFocal: false,
      vocabularyId: muscle?.id ?? null,
      placement: muscle
        ? { branch: muscle.branch, roots: muscle.roots.levels, postganglionicSensory: false, ...(muscle.roots.main ? { mainRoot: muscle.roots.main } : {}) }
        : null,
      myokymic: row.otherDischarges?.includes('myokymic') ?? false,
    };
    mergeInto(key, finding);
  });

  const flagged = flagNcs(ncs, limits, opts.ageYears === undefined ? {} : { ageYears: opts.ageYears });
  flagged.forEach((f) => {
    for (const note of f.notes) if (/^Age \d/.test(note) || /^No response, within normal/.test(note)) notes.push(`${sideWord(f.row.side)} ${lowerFirst(f.label)}: ${note}`);
    const study = resolveNcsNerve(f.row.nerve);
    const key = `ncs|${study?.id ?? f.row.nerve.trim().toLowerCase()}|${f.row.side}`;
    const finding: LocalizedFinding = {
      id: f.row.id ?? `ncs-${study?.id ?? f.index + 1}-${f.row.side}`,
      kind: 'ncs',
      side: f.row.side,
      label: `${sideWord(f.row.side)} ${lowerFirst(f.label)}`,
      abnormal: f.abnormal,
      reasons: f.flags.map((flag) => flag.text),
      severity: f.row.noResponse ? 3 : Math.min(3, f.flags.length),
      ...evidenceFields(f.abnormal ? ncsEvidence(f, ew) : null),
      recruitmentOnly: false,
      sideToSideOnly: f.abnormal && f.flags.every((flag) => flag.kind === 'side-to-side-amplitude'),
      segmentFocal: false,
      vocabularyId: study?.id ?? null,
      placement: study ? { branch: study.branch, roots: study.roots, postganglionicSensory: study.postganglionicSensory } : null,
      myokymic: false,
    };
    mergeInto(key, finding);
  });

  function mergeInto(key: string, finding: LocalizedFinding): void {
    const existing = merged.get(key);
    if (!existing) {
      merged.set(key, { finding, normalSeen: !finding.abnormal, abnormalSeen: finding.abnormal });
      order.push(key);
      return;
    }
    const a = existing.finding;
    existing.normalSeen ||= !finding.abnormal;
    existing.abnormalSeen ||= finding.abnormal;
    const stronger = finding.weight > a.weight ? finding : a;
    existing.finding = {
      ...a,
      abnormal: a.abnormal || finding.abnormal,
      reasons: [...new Set([...a.reasons, ...finding.reasons])],
      severity: Math.max(a.severity, finding.severity),
      weight: stronger.weight,
      evidence: stronger.evidence,
      recruitmentOnly: (a.recruitmentOnly || !a.abnormal) && (finding.recruitmentOnly || !finding.abnormal) && (a.abnormal || finding.abnormal),
      sideToSideOnly: (a.sideToSideOnly || !a.abnormal) && (finding.sideToSideOnly || !finding.abnormal) && (a.abnormal || finding.abnormal),
      myokymic: a.myokymic || finding.myokymic,
    };
  }

  const findings = order.map((key) => {
    const entry = merged.get(key)!;
    if (entry.finding.kind === 'muscle' && entry.normalSeen && entry.abnormalSeen) {
      notes.push(`${entry.finding.label}: rows disagree (normal and abnormal); counted as abnormal.`);
    }
    if (!entry.finding.placement) {
      notes.push(`${entry.finding.label} is free text: not placed on the nerve graph.`);
    }
    return entry.finding;
  });

  // Conduction block and focal slowing across a segment: a finding placed on the segment's node.
  const t = CONDUCTION_THRESHOLDS;
  const segments = analyseSegments(
    ncs,
    {
      ...t,
      blockSource: cite([CONDUCTION_DOCS.blockDropFraction.source]),
      definiteBlockSource: cite([CONDUCTION_DOCS.definiteBlockDropFraction.source]),
      slowingSource: cite([CONDUCTION_DOCS.focalSlowingMs.source]),
    },
    (nerveId) => limits.limits.find((l) => l.nerve === nerveId)?.minAmplitude,
  );
  for (const seg of segments) {
    if (seg.blockNotJudged) {
      notes.push(`${sideWord(seg.side)} ${lowerFirst(seg.nerveLabel)}: the distal response is too small for conduction block to be judged (EFNS/PNS 2010).`);
    }
    if (seg.texts.length === 0) continue;
    const study = resolveNcsNerve(seg.nerveId)!;
    if (!seg.branch) {
      notes.push(`${sideWord(seg.side)} ${lowerFirst(seg.nerveLabel)}: ${seg.texts.join('; ')} — the two sites span more than one segment, so it is not localized.`);
      continue;
    }
    findings.push({
      id: `segment-${seg.nerveId}-${seg.from}-${seg.to}-${seg.side}`,
      kind: 'ncs',
      side: seg.side,
      label: `${sideWord(seg.side)} ${lowerFirst(seg.nerveLabel)}, ${segmentWords(seg)}`,
      abnormal: true,
      reasons: seg.texts,
      severity: 2,
      weight: seg.conductionBlock === 'probable' && !seg.focalSlowing ? Math.min(ew.segmentFocal, 0.8) : ew.segmentFocal,
      evidence: 'segment-focal',
      recruitmentOnly: false,
      sideToSideOnly: false,
      segmentFocal: true,
      vocabularyId: study.id,
      placement: { branch: seg.branch, roots: study.roots, postganglionicSensory: false },
      myokymic: false,
    });
  }
  return { findings, notes, segments };
}

function segmentWords(seg: SegmentFinding): string {
  const what = [seg.conductionBlock ? 'conduction block' : null, seg.focalSlowing ? 'focal slowing' : null].filter(Boolean).join(' and ');
  const where = seg.branch === 'common-peroneal-fibular-head' ? 'across the fibular head' : seg.branch === 'deep-peroneal' ? 'in the leg' : 'ankle to knee';
  return `${what} ${where}`;
}

function evidenceFields(e: { weight: number; kind: LocalizedFinding['evidence'] } | null): Pick<LocalizedFinding, 'weight' | 'evidence'> {
  return e ? { weight: e.weight, evidence: e.kind } : { weight: 0, evidence: 'none' };
}
