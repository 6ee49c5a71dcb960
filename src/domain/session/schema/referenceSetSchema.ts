/**
 * The reference set stored in a session. The shape is checked strictly here (unknown fields are
 * refused, unlike the import schema of the reference module, which drops them); the clinical rules
 * (mean below the limit, no duplicate nerve/site/modality) are delegated to referenceSetSchema so
 * they are written once.
 */
import { z } from 'zod';
import { MODALITIES, referenceSetSchema, type Modality, type NerveId, type SiteId } from '../../reference';
import { SESSION_LIMITS } from './limits';
import { longText, nerveIdSchema, nonNegativeNumber, positiveNumber, requiredText, shortText, siteIdSchema } from './primitives';

const provenanceSchema = z.strictObject({ source: requiredText, convention: z.boolean().optional() });
const ratioAboveOne = z.number().gt(1);

const thresholdSchema = z.strictObject({
  nerve: nerveIdSchema as unknown as z.ZodType<NerveId, string>,
  site: siteIdSchema as unknown as z.ZodType<SiteId, string>,
  modality: z.enum(MODALITIES as [Modality, ...Modality[]]),
  upperLimitMm2: positiveNumber,
  meanMm2: positiveNumber.optional(),
  sdMm2: nonNegativeNumber.optional(),
  source: requiredText,
  convention: z.boolean().optional(),
  note: longText.optional(),
});

const asymmetrySchema = z.strictObject({
  sciaticMinDifferenceMm2: positiveNumber,
  defaultRatio: ratioAboveOne,
  fibularHead: z.strictObject({ differenceMm2: positiveNumber, ratio: ratioAboveOne, fhPfRatio: ratioAboveOne }),
  provenance: z.strictObject({
    sciaticMinDifferenceMm2: provenanceSchema,
    defaultRatio: provenanceSchema,
    fibularHead: provenanceSchema,
  }),
});

export const sessionReferenceSetSchema = z
  .strictObject({
    id: requiredText,
    name: requiredText,
    description: longText,
    builtIn: z.boolean().optional(),
    basedOn: shortText.optional(),
    thresholds: z.array(thresholdSchema).max(SESSION_LIMITS.thresholds),
    asymmetry: asymmetrySchema,
  })
  .superRefine((set, ctx) => {
    const checked = referenceSetSchema.safeParse(set);
    if (checked.success) return;
    for (const issue of checked.error.issues) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
  });
