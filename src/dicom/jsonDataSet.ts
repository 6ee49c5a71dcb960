/**
 * The DICOM JSON model (PS3.18 F.2: `{"0020000D": {"vr": "UI", "Value": [...]}}`, what WADO-RS
 * metadata and QIDO-RS return) seen through the same accessors as a dicom-parser DataSet, so one
 * metadata reader serves both encodings. Values come typed in JSON (numbers for IS/DS/US/UL/FD,
 * objects for PN); the accessors give them back as Part 10 text would read.
 */
import type { DataSet, DataSetElement } from './values.ts';

export interface DicomJsonAttribute {
  readonly vr?: string;
  readonly Value?: readonly unknown[];
  readonly BulkDataURI?: string;
  readonly InlineBinary?: string;
}
export type DicomJson = Readonly<Record<string, DicomJsonAttribute | undefined>>;

/** dicom-parser's key for a JSON tag: "0020000D" → "x0020000d". */
const keyOf = (tag: string): string => `x${tag.toLowerCase()}`;

function asText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && 'Alphabetic' in value) {
    const name = (value as { Alphabetic?: unknown }).Alphabetic;
    return typeof name === 'string' ? name : undefined;
  }
  return undefined;
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return undefined;
}

export function jsonDataSet(json: DicomJson): DataSet {
  const values = new Map<string, readonly unknown[]>();
  const elements: Record<string, DataSetElement> = {};
  for (const [tag, attribute] of Object.entries(json)) {
    if (!attribute || !/^[0-9A-Fa-f]{8}$/.test(tag)) continue;
    const key = keyOf(tag);
    const list = attribute.Value ?? [];
    values.set(key, list);
    const hasBulk = attribute.BulkDataURI !== undefined || attribute.InlineBinary !== undefined;
    elements[key] =
      attribute.vr === 'SQ'
        ? { length: list.length, items: list.map((item) => ({ dataSet: jsonDataSet((item ?? {}) as DicomJson) })) }
        : { length: list.length > 0 || hasBulk ? 1 : 0 };
  }
  const at = (tag: string, index = 0) => values.get(tag)?.[index];
  return {
    elements,
    string: (tag, index = 0) => asText(at(tag, index)),
    numStringValues: (tag) => values.get(tag)?.length,
    uint16: (tag, index) => asNumber(at(tag, index)),
    uint32: (tag, index) => asNumber(at(tag, index)),
    double: (tag, index) => asNumber(at(tag, index)),
  };
}
