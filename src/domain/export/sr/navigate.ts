/** Reading naturalized SR content items: children, concept names, values — tolerant of dcmjs's shapes. */
import type { Code } from './codes';
import { sameCode } from './codes';
import type { Dataset } from './dcmjsAdapter';

/** A sequence as a list of items (dcmjs gives an array, or a lone object for one item). */
export function itemsOf(value: unknown): Dataset[] {
  if (Array.isArray(value)) return value.filter((v): v is Dataset => !!v && typeof v === 'object');
  return value && typeof value === 'object' ? [value as Dataset] : [];
}

export const childrenOf = (item: Dataset): Dataset[] => itemsOf(item.ContentSequence);

type CodeDataset = { CodeValue?: unknown; CodingSchemeDesignator?: unknown; CodeMeaning?: unknown };

export const conceptOf = (item: Dataset): CodeDataset | undefined => itemsOf(item.ConceptNameCodeSequence)[0] as CodeDataset | undefined;
export const codeValueOf = (item: Dataset): CodeDataset | undefined => itemsOf(item.ConceptCodeSequence)[0] as CodeDataset | undefined;

export function isConcept(item: Dataset, code: Code, valueType?: string): boolean {
  return sameCode(conceptOf(item), code) && (valueType === undefined || item.ValueType === valueType);
}

export function findChild(item: Dataset, code: Code, valueType?: string): Dataset | undefined {
  return childrenOf(item).find((c) => isConcept(c, code, valueType));
}

export function firstString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

/**
 * The value of a TEXT item. dcmjs 0.52 splits UT values at backslashes as if they were multi-valued
 * (UT never is), so the parts are joined back.
 */
export function textOf(item: Dataset | undefined): string | undefined {
  const value = item?.TextValue;
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join('\\');
  return undefined;
}

export function firstNumber(value: unknown): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

export function numbersOf(value: unknown): number[] {
  if (Array.isArray(value)) return value.map(Number);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  if (typeof value === 'string') return value.split('\\').map(Number);
  return typeof value === 'number' ? [value] : [];
}

/** Value and unit code of a NUM content item. */
export function numValue(item: Dataset): { value: number; unit: CodeDataset | undefined } | undefined {
  const measured = itemsOf(item.MeasuredValueSequence)[0];
  if (!measured) return undefined;
  const value = firstNumber(measured.NumericValue);
  if (value === undefined) return undefined;
  return { value, unit: itemsOf(measured.MeasurementUnitsCodeSequence)[0] as CodeDataset | undefined };
}
