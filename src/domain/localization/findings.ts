import type { Side } from '../types';
import {
  DEFAULT_NCS_LIMITS,
  flagNcs,
  isMuscleAbnormal,
  resolveMuscle,
  resolveNcsNerve,
  type NcsLimitSet,
  type NcsRow,
  type NeedleEmgRow,
} from '../emg';
import type { LocalizedFinding } from './types';

const sideWord = (side: Side): string => (side === 'L' ? 'Left' : 'Right');

function lowerFirst(text: string): string {
  return text.length > 0 ? text[0]!.toLowerCase() + text.slice(1) : text;
}

interface Built {
  readonly findings: LocalizedFinding[];
  readonly notes: string[];
}

/**
 * Turn EMG and NCS rows into findings on the graph. Several rows of one muscle (or one study) and
 * side are merged: abnormal if any row is abnormal (a note records rows that disagree). Rows that
 * record nothing are left out. Free-text muscles and studies are kept but not placed.
 */
export function buildFindings(emg: readonly NeedleEmgRow[], ncs: readonly NcsRow[], limits: NcsLimitSet = DEFAULT_NCS_LIMITS): Built {
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
      vocabularyId: muscle?.id ?? null,
      placement: muscle ? { branch: muscle.branch, roots: muscle.roots.levels, postganglionicSensory: false } : null,
      myokymic: row.otherDischarges?.includes('myokymic') ?? false,
    };
    mergeInto(key, finding);
  });

  const flagged = flagNcs(ncs, limits);
  flagged.forEach((f) => {
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
    existing.finding = {
      ...a,
      abnormal: a.abnormal || finding.abnormal,
      reasons: [...new Set([...a.reasons, ...finding.reasons])],
      severity: Math.max(a.severity, finding.severity),
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
  return { findings, notes };
}
