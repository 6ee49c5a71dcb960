/**
 * An FDG-avid nerve segment as imaging evidence next to the EMG localization, like an enlarged
 * cross-section: the segment is placed on the nerve graph and related to the best EMG hypothesis.
 *
 * "FDG-avid" is SUVmax ≥ FDG_AVID_SUVMAX. No source in the project's clinical reference gives a
 * threshold for nerves; 2.5 is the conventional cut-off of oncological FDG PET reading, shipped as
 * an editable convention (source key 'convention'), not a validated limit.
 */
import { getNode, segmentPlacement, type LocalizationResult } from '../localization';
import { relationOf } from '../concordance/relate';
import type { ReportEntry, ReportSection } from '../report/types';
import { SUV_PEAK_DEFINITION } from './regionSuv';
import { formatSuv, suvLocation, suvSentence, type SuvMeasurement } from './suvMeasurement';

export const FDG_AVID_SUVMAX = 2.5;

export type FdgStatus = 'agrees' | 'partially' | 'disagrees' | 'cannot-assess';

export interface FdgEvidence {
  readonly measurement: SuvMeasurement;
  readonly avid: boolean;
  readonly status: FdgStatus;
  readonly statement: string;
}

/** Relates each SUV measurement on a known nerve segment to the EMG localization. */
export function relateFdgToEmg(measurements: readonly SuvMeasurement[], localization: LocalizationResult, threshold = FDG_AVID_SUVMAX): FdgEvidence[] {
  const best = localization.alternatives[0] ?? null;
  return measurements.map((m) => {
    const avid = m.values.suvMax >= threshold;
    const where = `${suvLocation(m)}: SUVmax ${formatSuv(m.values.suvMax)} ${avid ? '≥' : '<'} ${threshold} (${avid ? 'FDG-avid' : 'not FDG-avid'}, convention)`;
    const node = segmentPlacement(m.nerve, m.site);
    if (!node || !m.side) return { measurement: m, avid, status: 'cannot-assess', statement: `${where}; the segment or side cannot be placed on the nerve graph.` };
    if (localization.findings.length === 0 || !best) return { measurement: m, avid, status: 'cannot-assess', statement: `${where}; no EMG localization to relate it to.` };
    const sites = best.sites.filter((s) => s.side === m.side);
    if (sites.length === 0) {
      return { measurement: m, avid, status: avid ? 'disagrees' : 'agrees', statement: `${where}; the EMG lesion is on the other side.` };
    }
    const relation = sites.map((s) => ({ s, r: relationOf(s.level, node.node, node.aboveLesionSite) })).sort((a, b) => order(a.r) - order(b.r))[0]!;
    const lesion = getNode(relation.s.level).label.toLowerCase();
    if (relation.r === 'at-segment') return { measurement: m, avid, status: avid ? 'agrees' : 'disagrees', statement: `${where}; the EMG places the lesion at this segment (${lesion}).` };
    if (relation.r === 'proximal' || relation.r === 'distal') {
      return { measurement: m, avid, status: avid ? 'partially' : 'agrees', statement: `${where}; the EMG lesion (${lesion}) lies ${relation.r} to this segment.` };
    }
    return { measurement: m, avid, status: avid ? 'disagrees' : 'agrees', statement: `${where}; the EMG lesion (${lesion}) is not on this nerve.` };
  });
}

const order = (r: string): number => ['at-segment', 'proximal', 'distal', 'elsewhere'].indexOf(r);
const STATUS_WORD: Readonly<Record<FdgStatus, string>> = { agrees: 'Agrees', partially: 'Partially agrees', disagrees: 'Disagrees', 'cannot-assess': 'Cannot assess' };

/** The report's FDG PET section: one sentence per measurement, its SUV source, and its relation to the EMG. */
export function fdgReportSection(measurements: readonly SuvMeasurement[], localization: LocalizationResult): ReportSection {
  const evidence = relateFdgToEmg(measurements, localization);
  const entries: ReportEntry[] = evidence.map((e) => ({
    text: `${suvSentence(e.measurement)}.`,
    tone: e.avid ? 'abnormal' : 'normal',
    details: [
      `SUV body weight, ${e.measurement.factorSource}`,
      ...(e.measurement.kind === 'region' ? [`${SUV_PEAK_DEFINITION}.`] : []),
      `${STATUS_WORD[e.status]} with EMG: ${e.statement}`,
    ],
  }));
  return { id: 'fdg', title: 'FDG PET/CT (SUVbw, g/ml)', entries };
}
