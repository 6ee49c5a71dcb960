/**
 * Typed, null-returning accessors over a dicom-parser DataSet.
 * Tags are dicom-parser keys: 'xGGGGEEEE' (lower-case hex).
 */

/**
 * What the readers need of a data set: dicom-parser's DataSet has it (Part 10 bytes), and so does
 * the DICOM JSON model's adapter (jsonDataSet.ts, WADO-RS metadata), so both encodings go through
 * the same reading code.
 */
export interface DataSet {
  readonly elements: Readonly<Record<string, DataSetElement | undefined>>;
  string(tag: string, index?: number): string | undefined;
  numStringValues(tag: string): number | undefined;
  uint16(tag: string, index?: number): number | undefined;
  uint32(tag: string, index?: number): number | undefined;
  double(tag: string, index?: number): number | undefined;
}

export interface DataSetElement {
  readonly length: number;
  readonly items?: ReadonlyArray<{ readonly dataSet?: DataSet | undefined }> | undefined;
  readonly encapsulatedPixelData?: boolean | undefined;
  readonly fragments?: readonly unknown[] | undefined;
}

function has(ds: DataSet, tag: string): boolean {
  const el = ds.elements[tag];
  return el !== undefined && el.length > 0;
}

/** A text value (AE, CS, SH, LO, UI, PN, ...) with padding removed; null when absent or empty. */
export function str(ds: DataSet, tag: string, index = 0): string | null {
  if (!has(ds, tag)) return null;
  const value = ds.string(tag, index);
  if (value === undefined) return null;
  const trimmed = value.replace(/\0+$/, '').trim();
  return trimmed === '' ? null : trimmed;
}

/** All backslash-separated values of a decimal or integer string (DS, IS) as numbers; NaN for unparsable parts. */
export function numbers(ds: DataSet, tag: string): number[] | null {
  if (!has(ds, tag)) return null;
  const count = ds.numStringValues(tag) ?? 0;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const raw = ds.string(tag, i);
    const text = raw === undefined ? '' : raw.replace(/\0+$/, '').trim();
    out.push(text === '' ? Number.NaN : Number(text));
  }
  return out.length > 0 ? out : null;
}

/** The first value of a decimal or integer string (DS, IS). */
export function num(ds: DataSet, tag: string): number | null {
  const values = numbers(ds, tag);
  return values?.[0] ?? null;
}

/** An unsigned 16-bit value (US). */
export function u16(ds: DataSet, tag: string): number | null {
  if (!has(ds, tag)) return null;
  return ds.uint16(tag) ?? null;
}

/** An unsigned 32-bit value (UL). */
export function u32(ds: DataSet, tag: string): number | null {
  if (!has(ds, tag)) return null;
  return ds.uint32(tag) ?? null;
}

/** A 64-bit float (FD). */
export function f64(ds: DataSet, tag: string): number | null {
  if (!has(ds, tag)) return null;
  return ds.double(tag) ?? null;
}

/** The data sets of the items of a sequence (SQ); empty when absent. */
export function items(ds: DataSet | undefined, tag: string): DataSet[] {
  const el = ds?.elements[tag];
  if (!el?.items) return [];
  const out: DataSet[] = [];
  for (const item of el.items) if (item.dataSet) out.push(item.dataSet);
  return out;
}
