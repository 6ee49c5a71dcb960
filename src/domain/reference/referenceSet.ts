import { z } from 'zod';
import { fail, ok, type Result } from '../types';
import { isNerveId, isSiteId, MODALITIES, segmentLabel, type Modality, type NerveId, type SiteId } from './anatomy';
import type { AsymmetryCriteria, CsaThreshold, ReferenceSet } from './types';

/** The threshold for one nerve, site and modality, or null when the set has none ("no reference"). */
export function findThreshold(set: ReferenceSet, nerve: NerveId, site: SiteId, modality: Modality): CsaThreshold | null {
  return set.thresholds.find((t) => t.nerve === nerve && t.site === site && t.modality === modality) ?? null;
}

const positiveMm2 = z.number().finite().positive();

const provenanceSchema = z.object({
  source: z.string().trim().min(1, 'every rule needs a source key'),
  convention: z.boolean().optional(),
});

const thresholdSchema = z
  .object({
    nerve: z.custom<NerveId>(isNerveId, { message: 'unknown nerve (use a known nerve or "custom:<name>")' }),
    site: z.custom<SiteId>(isSiteId, { message: 'unknown site (use a known site or "custom:<name>")' }),
    modality: z.enum(MODALITIES as [Modality, ...Modality[]]),
    upperLimitMm2: positiveMm2,
    meanMm2: positiveMm2.optional(),
    sdMm2: z.number().finite().nonnegative().optional(),
    source: z.string().trim().min(1, 'every threshold needs a source key'),
    convention: z.boolean().optional(),
    note: z.string().optional(),
  })
  .refine((t) => t.meanMm2 === undefined || t.meanMm2 <= t.upperLimitMm2, {
    message: 'the mean is above the upper limit',
    path: ['meanMm2'],
  });

const ratioAboveOne = z.number().finite().gt(1, 'a ratio threshold must be greater than 1');

const asymmetrySchema = z.object({
  sciaticMinDifferenceMm2: positiveMm2,
  defaultRatio: ratioAboveOne,
  fibularHead: z.object({ differenceMm2: positiveMm2, ratio: ratioAboveOne, fhPfRatio: ratioAboveOne }),
  provenance: z.object({
    sciaticMinDifferenceMm2: provenanceSchema,
    defaultRatio: provenanceSchema,
    fibularHead: provenanceSchema,
  }),
});

/** Schema of a reference set (for import of user sets). Refuses duplicate nerve/site/modality entries. */
export const referenceSetSchema = z
  .object({
    id: z.string().trim().min(1),
    name: z.string().trim().min(1),
    description: z.string(),
    builtIn: z.boolean().optional(),
    basedOn: z.string().optional(),
    thresholds: z.array(thresholdSchema),
    asymmetry: asymmetrySchema,
  })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.thresholds.forEach((t, i) => {
      const key = `${t.nerve}|${t.site}|${t.modality}`;
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['thresholds', i],
          message: `two thresholds for ${segmentLabel(t.nerve, t.site)} (${t.modality})`,
        });
      }
      seen.add(key);
    });
  });

/** Check an unknown value (e.g. an imported JSON file) and return it as a ReferenceSet, or one plain sentence why not. */
export function validateReferenceSet(input: unknown): Result<ReferenceSet> {
  const parsed = referenceSetSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data as ReferenceSet);
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : '';
  return fail(`The reference set is not valid: ${issue?.message ?? 'unknown problem'}${where}.`);
}

/** Fields a user supplies to add or change a threshold; the source defaults to "user". */
export interface ThresholdOverride {
  readonly nerve: NerveId;
  readonly site: SiteId;
  readonly modality: Modality;
  readonly upperLimitMm2: number;
  readonly meanMm2?: number;
  readonly sdMm2?: number;
  readonly source?: string;
  readonly convention?: boolean;
  readonly note?: string;
}

export interface UserSetNaming {
  readonly id?: string;
  readonly name?: string;
}

function deriveUserSet(set: ReferenceSet, naming: UserSetNaming | undefined): Pick<ReferenceSet, 'id' | 'name' | 'builtIn' | 'basedOn'> {
  const id = naming?.id ?? (set.builtIn ? `${set.id}+user` : set.id);
  const name = naming?.name ?? (set.builtIn ? `${set.name} (user-edited)` : set.name);
  return { id, name, builtIn: false, basedOn: set.basedOn ?? set.id };
}

/**
 * Return a NEW user set in which the threshold for (nerve, site, modality) is replaced, or added
 * when the set had none (e.g. a custom site). The input set is not modified.
 */
export function withThresholdOverride(set: ReferenceSet, override: ThresholdOverride, naming?: UserSetNaming): Result<ReferenceSet> {
  const threshold: CsaThreshold = {
    nerve: override.nerve,
    site: override.site,
    modality: override.modality,
    upperLimitMm2: override.upperLimitMm2,
    source: override.source ?? 'user',
    ...(override.meanMm2 !== undefined ? { meanMm2: override.meanMm2 } : {}),
    ...(override.sdMm2 !== undefined ? { sdMm2: override.sdMm2 } : {}),
    ...(override.convention !== undefined ? { convention: override.convention } : {}),
    ...(override.note !== undefined ? { note: override.note } : {}),
  };
  const checked = thresholdSchema.safeParse(threshold);
  if (!checked.success) {
    return fail(`The threshold for ${describeTarget(override)} is not valid: ${checked.error.issues[0]?.message ?? 'unknown problem'}.`);
  }
  const index = set.thresholds.findIndex(
    (t) => t.nerve === override.nerve && t.site === override.site && t.modality === override.modality,
  );
  const thresholds = index >= 0 ? set.thresholds.map((t, i) => (i === index ? threshold : t)) : [...set.thresholds, threshold];
  return ok({ ...set, ...deriveUserSet(set, naming), thresholds });
}

/** Return a NEW user set without the threshold for (nerve, site, modality): that site then has "no reference". */
export function withoutThreshold(
  set: ReferenceSet,
  nerve: NerveId,
  site: SiteId,
  modality: Modality,
  naming?: UserSetNaming,
): ReferenceSet {
  const thresholds = set.thresholds.filter((t) => !(t.nerve === nerve && t.site === site && t.modality === modality));
  return { ...set, ...deriveUserSet(set, naming), thresholds };
}

export interface AsymmetryOverride {
  readonly sciaticMinDifferenceMm2?: number;
  readonly defaultRatio?: number;
  readonly fibularHead?: Partial<AsymmetryCriteria['fibularHead']>;
}

/**
 * Return a NEW user set with edited left–right criteria (e.g. the user's own sciatic ratio).
 * Edited values take the source "user".
 */
export function withAsymmetryOverride(set: ReferenceSet, override: AsymmetryOverride, naming?: UserSetNaming): Result<ReferenceSet> {
  const a = set.asymmetry;
  const asymmetry: AsymmetryCriteria = {
    sciaticMinDifferenceMm2: override.sciaticMinDifferenceMm2 ?? a.sciaticMinDifferenceMm2,
    defaultRatio: override.defaultRatio ?? a.defaultRatio,
    fibularHead: { ...a.fibularHead, ...override.fibularHead },
    provenance: {
      sciaticMinDifferenceMm2:
        override.sciaticMinDifferenceMm2 !== undefined ? { source: 'user' } : a.provenance.sciaticMinDifferenceMm2,
      defaultRatio: override.defaultRatio !== undefined ? { source: 'user' } : a.provenance.defaultRatio,
      fibularHead:
        override.fibularHead !== undefined && Object.keys(override.fibularHead).length > 0
          ? { source: 'user' }
          : a.provenance.fibularHead,
    },
  };
  const checked = asymmetrySchema.safeParse(asymmetry);
  if (!checked.success) {
    return fail(`The left–right criteria are not valid: ${checked.error.issues[0]?.message ?? 'unknown problem'}.`);
  }
  return ok({ ...set, ...deriveUserSet(set, naming), asymmetry });
}

function describeTarget(t: { nerve: NerveId; site: SiteId; modality: Modality }): string {
  return isNerveId(t.nerve) && isSiteId(t.site) ? `${segmentLabel(t.nerve, t.site)} (${t.modality})` : 'this site';
}
