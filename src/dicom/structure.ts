/**
 * Structural defects dicom-parser tolerates but the viewer's image loader (Cornerstone 5, which
 * parses the file again with its own reader) does not: opening such a file would show nothing,
 * so the reader refuses it with one sentence instead.
 */
import type { DataSet, Element } from 'dicom-parser';
import { displayValue, formatTag } from './errors.ts';

/** The value representations of PS3.5 Table 6.2-1. */
export const VALID_VRS: ReadonlySet<string> = new Set([
  'AE', 'AS', 'AT', 'CS', 'DA', 'DS', 'DT', 'FD', 'FL', 'IS', 'LO', 'LT', 'OB', 'OD', 'OF', 'OL', 'OV', 'OW',
  'PN', 'SH', 'SL', 'SQ', 'SS', 'ST', 'SV', 'TM', 'UC', 'UI', 'UL', 'UN', 'UR', 'US', 'UT', 'UV',
]);

/** Deeper than any real object; the parser itself gives up far beyond this (see errors.ts). */
const MAX_DEPTH = 1000;

/** Groups that never appear in a stored data set: command (0000) and the illegal odd groups (PS3.5 7.1). */
const FORBIDDEN_GROUPS = new Set(['0000', '0001', '0003', '0005', '0007', 'ffff']);

function elementProblem(el: Element): string | null {
  if (FORBIDDEN_GROUPS.has(el.tag.slice(1, 5))) {
    return `The file is damaged: it contains the element ${formatTag(el.tag)}, which cannot occur in a DICOM file.`;
  }
  // Explicit VR only: implicit VR elements carry no VR in the file. Item delimiters (FFFE,xxxx),
  // which the parser lists as elements of the item, never have one.
  if (el.vr !== undefined && !el.tag.startsWith('xfffe') && !VALID_VRS.has(el.vr)) {
    return `The file is damaged: element ${formatTag(el.tag)} has the unknown value representation "${displayValue(el.vr)}".`;
  }
  if (el.items && el.length !== 0xffffffff && !el.hadUndefinedLength) {
    const end = el.dataOffset + el.length;
    const last = el.items[el.items.length - 1];
    if (last && last.dataOffset + last.length > end) {
      return `The file is damaged: the sequence ${formatTag(el.tag)} declares fewer bytes than the items it contains.`;
    }
  }
  return null;
}

/**
 * The first structural defect in the data set and its sequence items, or null.
 * `dataSetStart`: elements before it are not part of the data set (for deflated files the parser
 * also lists bytes of the preamble as elements).
 */
export function structureProblem(ds: DataSet, dataSetStart = 0, depth = 0): string | null {
  if (depth > MAX_DEPTH) return null;
  for (const el of Object.values(ds.elements)) {
    if (el.dataOffset < dataSetStart) continue;
    const problem = elementProblem(el);
    if (problem) return problem;
    for (const item of el.items ?? []) {
      if (!item.dataSet) continue;
      const inner = structureProblem(item.dataSet, 0, depth + 1);
      if (inner) return inner;
    }
  }
  return null;
}
