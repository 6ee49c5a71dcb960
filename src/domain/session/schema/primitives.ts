/** Building blocks of the session schema: finite numbers, bounded text, points, sides, nerve and site ids. */
import { z } from 'zod';
import { isNerveId, isSiteId, NERVES, SITES } from '../../reference';
import { SESSION_LIMITS } from './limits';

/** zod 4 numbers already refuse NaN and ±Infinity; named for the reader. */
export const finiteNumber = z.number();
export const positiveNumber = z.number().positive();
export const nonNegativeNumber = z.number().nonnegative();
export const nonNegativeInteger = z.number().int().nonnegative();

export const shortText = z.string().max(SESSION_LIMITS.shortText);
export const requiredText = shortText.min(1);
export const longText = z.string().max(SESSION_LIMITS.longText);

/** A DICOM UID as read from a file (not checked for conformance here: a broken file must still round-trip). */
export const uid = requiredText;

export const isoDateTime = z.iso.datetime({ offset: true });

export const sideSchema = z.enum(['L', 'R']);

export const pointSchema = z.strictObject({ x: finiteNumber, y: finiteNumber });

const CUSTOM_PATTERN = '^custom:[\\s\\S]*\\S';

export const nerveIdSchema = shortText
  .refine(isNerveId, { message: `unknown nerve (use ${NERVES.map((n) => n.id).join(', ')} or "custom:<name>")` })
  .meta({ anyOf: [{ enum: NERVES.map((n) => n.id) }, { pattern: CUSTOM_PATTERN }] });

export const siteIdSchema = shortText
  .refine(isSiteId, { message: `unknown site (use ${SITES.map((s) => s.id).join(', ')} or "custom:<name>")` })
  .meta({ anyOf: [{ enum: SITES.map((s) => s.id) }, { pattern: CUSTOM_PATTERN }] });
