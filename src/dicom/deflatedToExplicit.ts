/**
 * Cornerstone 5's file loader parses Part-10 files with a reader that does not inflate the
 * Deflated Explicit VR Little Endian syntax. That syntax is, by definition, Explicit VR Little
 * Endian deflated after the file meta header, so we inflate it ourselves and hand the loader the
 * equivalent uncompressed file: same data set, meta header naming the explicit syntax.
 */
import dicomParser from 'dicom-parser';
import { inflateDataSet } from './inflate';

export const DEFLATED_EXPLICIT_LE = '1.2.840.10008.1.2.1.99';
const EXPLICIT_LE = '1.2.840.10008.1.2.1';

function uiValue(uid: string): Uint8Array {
  const padded = uid.length % 2 ? `${uid}\0` : uid; // UI values are padded to even length with NUL
  return Uint8Array.from(padded, (c) => c.charCodeAt(0));
}

export function deflatedToExplicitLittleEndian(bytes: Uint8Array): Uint8Array {
  const meta = dicomParser.readPart10Header(bytes);
  const syntax = meta.elements.x00020010;
  const groupLength = meta.elements.x00020000;
  // The data set starts right after the last meta element.
  const dataSetStart = Math.max(...Object.values(meta.elements).map((e) => e.dataOffset + e.length));
  if (!syntax || !groupLength) throw new Error('The deflated file has no usable file meta header.');

  const newValue = uiValue(EXPLICIT_LE);
  const delta = newValue.length - syntax.length;
  const inflated = inflateDataSet(bytes, dataSetStart);
  const out = new Uint8Array(inflated.length + delta);
  out.set(inflated.subarray(0, syntax.dataOffset), 0);
  out.set(newValue, syntax.dataOffset);
  out.set(inflated.subarray(syntax.dataOffset + syntax.length), syntax.dataOffset + newValue.length);

  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  view.setUint16(syntax.dataOffset - 2, newValue.length, true); // explicit VR UI: 2-byte length
  view.setUint32(groupLength.dataOffset, meta.uint32('x00020000')! + delta, true);
  return out;
}
