/**
 * Smallest detectable difference (SDD) of a CSA between two visits, per nerve, site and modality —
 * DATA with sources. None is shipped, deliberately:
 *
 * - S9 (Tagliafico 2012) gives 16.4 mm² for the sciatic nerve at the piriformis, but as a
 *   LEFT–RIGHT difference in healthy subjects, at a site NerveTrace does not list; it is not a
 *   change over time at the gluteal fold or mid-thigh.
 * - S13 (Sarafraz 2018) reports a minimal detectable change for sciatic CSA by tracing (within one
 *   session, one hour apart), but its figure was not retrieved for the clinical reference.
 *
 * Where no entry applies, a change is stated against FOLLOW_UP_CHANGE_PERCENT (a convention) and
 * marked "no published detectable difference". A caller (or a user) may pass entries of its own.
 */
import type { Modality, NerveId, SiteId } from '../reference';

export interface DetectableDifference {
  readonly nerve: NerveId;
  readonly site: SiteId;
  readonly modality: Modality;
  readonly differenceMm2: number;
  /** Source key (S…) or "user". */
  readonly source: string;
}

export const PUBLISHED_DETECTABLE_DIFFERENCES: readonly DetectableDifference[] = [];

/** Relative change named when no detectable difference is published (convention, editable). */
export const FOLLOW_UP_CHANGE_PERCENT = 10;
export const FOLLOW_UP_CHANGE_PERCENT_SOURCE = 'convention';
