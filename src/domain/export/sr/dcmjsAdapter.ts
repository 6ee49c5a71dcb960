/**
 * The only place that talks to dcmjs: Part-10 bytes ⇄ naturalized datasets (keyword → value).
 *
 * dcmjs 0.52 decodes strings inside sequence items as Latin-1 even when the file declares UTF-8
 * (ISO_IR 192): the top-level decoder is not passed to the item streams. SR text lives almost
 * entirely inside sequences, so readPart10 repairs those strings; a one-time probe checks whether
 * the installed dcmjs still has the bug, so a fixed dcmjs is not "repaired" twice.
 */
import dcmjs from 'dcmjs';
import { fail, ok, type Result } from '../../types';

export type Dataset = Record<string, unknown>;

const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';

export interface Part10Identity {
  readonly implementationClassUid: string;
  readonly implementationVersionName: string;
}

/** Write a dataset as a DICOM Part-10 file (explicit VR little endian). */
export function writePart10(dataset: Dataset, identity: Part10Identity): Uint8Array {
  const meta: Dataset = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: dataset.SOPClassUID,
    MediaStorageSOPInstanceUID: dataset.SOPInstanceUID,
    TransferSyntaxUID: EXPLICIT_VR_LITTLE_ENDIAN,
    ImplementationClassUID: identity.implementationClassUid,
    ImplementationVersionName: identity.implementationVersionName,
    _vrMap: { FileMetaInformationVersion: 'OB' },
  };
  const { DicomDict, DicomMetaDictionary } = dcmjs.data;
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  return new Uint8Array(dict.write({ allowInvalidVRLength: false }));
}

/**
 * dcmjs reports every Implicit VR element whose VR depends on context ("xs": US or SS, "ox")
 * as a console error ("Invalid vr type"), then picks the VR itself: noise for a valid file.
 */
function withoutVrNoise<T>(read: () => T): T {
  const logger = dcmjs.log.getLogger('validation.dcmjs');
  const level = logger.getLevel();
  logger.setLevel('silent', false);
  try {
    return read();
  } finally {
    logger.setLevel(level, false);
  }
}

function readRaw(bytes: Uint8Array): Dataset {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return withoutVrNoise(() => dcmjs.data.DicomMetaDictionary.naturalizeDataset(dcmjs.data.DicomMessage.readFile(buffer).dict));
}

function latin1ToUtf8(text: string): string {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) return text; // not a Latin-1 decoding: leave as is
    bytes[i] = code;
  }
  return new TextDecoder('utf-8').decode(bytes);
}

const PERSON_NAME_KEYS = new Set(['Alphabetic', 'Ideographic', 'Phonetic']);

/** dcmjs writes person names as [{ Alphabetic: … }]: an array of objects that is not a sequence. */
function isPersonName(value: unknown): boolean {
  return !!value && typeof value === 'object' && Object.keys(value).every((k) => PERSON_NAME_KEYS.has(k));
}

function isSequence(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => v && typeof v === 'object' && !isPersonName(v) && !ArrayBuffer.isView(v) && !(v instanceof ArrayBuffer));
}

/** Every string inside a sequence item (and its nested items) was decoded as Latin-1: decode as UTF-8. */
function repairItem(value: unknown): unknown {
  if (typeof value === 'string') return latin1ToUtf8(value);
  if (Array.isArray(value)) return value.map(repairItem);
  if (value && typeof value === 'object' && !(value instanceof ArrayBuffer) && !ArrayBuffer.isView(value)) {
    const out: Dataset = {};
    for (const [key, child] of Object.entries(value)) out[key] = repairItem(child);
    return out;
  }
  return value;
}

let nestedUtf8Broken: boolean | undefined;

/** Does this dcmjs mis-decode UTF-8 inside sequence items? Checked once with a tiny file. */
function hasNestedUtf8Bug(): boolean {
  if (nestedUtf8Broken === undefined) {
    const probe = writePart10(
      {
        SpecificCharacterSet: 'ISO_IR 192',
        SOPClassUID: '1.2.840.10008.5.1.4.1.1.88.34',
        SOPInstanceUID: '2.25.1',
        ContentSequence: [{ TextValue: 'é' }],
      },
      { implementationClassUid: '2.25.1', implementationVersionName: 'PROBE' },
    );
    const items = readRaw(probe).ContentSequence as Dataset[] | Dataset;
    const item = Array.isArray(items) ? items[0] : items;
    nestedUtf8Broken = item?.TextValue !== 'é';
  }
  return nestedUtf8Broken;
}

function firstString(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return null;
}

/** Read a Part-10 file into a naturalized dataset, or one sentence why not. */
export function readPart10(bytes: Uint8Array): Result<Dataset> {
  let dataset: Dataset;
  try {
    dataset = readRaw(bytes);
  } catch (e) {
    return fail(`The file is not a readable DICOM file (${e instanceof Error ? e.message : String(e)}).`);
  }
  const charset = firstString(dataset.SpecificCharacterSet);
  if (charset === 'ISO_IR 192' && hasNestedUtf8Bug()) {
    const repaired: Dataset = {};
    for (const [key, value] of Object.entries(dataset)) repaired[key] = isSequence(value) ? value.map(repairItem) : value;
    return ok(repaired);
  }
  return ok(dataset);
}
