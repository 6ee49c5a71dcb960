/**
 * Issue 19 — real public PET slices (TCIA QIN-HEADNECK, inside the npm package dicomweb-client, always
 * present; TCIA ACRIN-FLT-Breast, via suyashkumar/dicom, when placed here; SOURCES.md in
 * test/fixtures/pet/): NerveTrace's own metadata reader and SUV domain give the SUV factor and its source that the QIBA formula gives by hand from the numbers dcmdump reads (test/fixtures/pet/realPet.ts),
 * and the same real bytes with one attribute spoiled are refused in one sentence.
 */
import { describe, expect, it } from 'vitest';
import { readDicomImage } from '../../../src/dicom';
import { computeSuvBwFactors, suvAtPoint, suvImageFromStored } from '../../../src/domain/suv';
import { loadSlices } from '../../../src/viewer/petct/loadSlices';
import { REAL_PET_FILES, readRealPet, realPetFiles, spoilElement, type RealPetFile } from '../../fixtures/pet/realPet';

const { present, missing } = realPetFiles();
const relErr = (a: number, b: number): number => Math.abs(a / b - 1);

function attributesOf(bytes: Buffer, name: string) {
  const read = readDicomImage(new Uint8Array(bytes), name);
  if (!read.ok) throw new Error(read.error);
  const pet = read.value.meta.pet;
  if (!pet) throw new Error('not read as PET');
  return pet;
}

const refusalOf = (bytes: Buffer, f: RealPetFile): string => {
  const r = computeSuvBwFactors([attributesOf(bytes, f.file)]);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};

const rows = present.map(({ f, path }) => [f.file, f, path] as const);
/** The file that is always here (inside an npm dependency), for the tests that spoil one attribute. */
const always = present.find(({ f }) => f.origin.kind === 'dependency')!;

describe('real PET files: SUV factor and source against the QIBA formula by hand', () => {
  it.each(rows)('%s: the reader sees what dcmdump shows', (_n, f, path) => {
    const pet = attributesOf(readRealPet(path, f), f.file);
    const d = f.dcmdump;
    expect(pet).toMatchObject({
      units: d.units,
      decayCorrection: d.decayCorrection,
      patientWeightKg: d.patientWeightKg,
      radionuclideTotalDoseBq: d.radionuclideTotalDoseBq,
      radionuclideHalfLifeS: d.radionuclideHalfLifeS,
      radiopharmaceuticalStartTime: d.injectionTime,
      seriesTime: d.seriesTime,
      acquisitionTime: d.acquisitionTime,
      rescaleSlope: d.rescaleSlope,
    });
    expect(pet.correctedImage.join('\\')).toBe(d.correctedImage);
  });

  it.each(rows)('%s: factor to 1e-6 of the hand value, decayed to the series time, source in one sentence', (_n, f, path) => {
    const r = computeSuvBwFactors([attributesOf(readRealPet(path, f), f.file)]);
    if (!r.ok) throw new Error(r.error);
    expect(relErr(r.value.factors[0]!, f.factor)).toBeLessThan(1e-6);
    expect(r.value.method).toBe('bqml-decay-to-scan');
    expect(r.value.scanTimeSource).toBe('series');
    expect(r.value.decayTimeS).toBeCloseTo(f.decayS, 6);
    expect(r.value.source).toBe(f.source);
    expect(r.value.weightEdited || r.value.doseEdited).toBe(false);
  });

  it.each(rows)('%s: the brightest pixel (signed 16-bit) reads the hand SUV', async (_n, f, path) => {
    const bytes = readRealPet(path, f);
    const slices = await loadSlices([{ file: new Blob([new Uint8Array(bytes)]), fileName: f.file }]);
    if (!slices.ok) throw new Error(slices.error);
    const [slice] = slices.value;
    expect([slice!.meta.rows, slice!.meta.columns]).toEqual([f.dcmdump.rows, f.dcmdump.columns]);
    expect(Math.max(...slice!.stored)).toBe(f.dcmdump.largestImagePixelValue);
    const r = computeSuvBwFactors([slice!.meta.pet!]);
    if (!r.ok) throw new Error(r.error);
    const image = suvImageFromStored(slice!.stored, { rows: f.dcmdump.rows, columns: f.dcmdump.columns, rowSpacingMm: f.dcmdump.pixelSpacingMm, columnSpacingMm: f.dcmdump.pixelSpacingMm }, { slope: slice!.meta.rescaleSlope, intercept: slice!.meta.rescaleIntercept }, r.value.factors[0]!);
    const at = suvAtPoint(image, f.brightest.column, f.brightest.row)!;
    expect(relErr(at.suv, f.brightest.suv)).toBeLessThan(1e-6);
    expect(Math.max(...Array.from(image.suv))).toBe(at.suv);
  });

  it("a real file whose weight is 0 is refused in one sentence (enter the weight); the edited weight then gives the hand factor scaled", () => {
    const { f, path } = always;
    const spoilt = spoilElement(readRealPet(path, f), f.syntax, 0x0010, 0x1030, 'DS', '0   ');
    expect(refusalOf(spoilt, f)).toBe("SUV cannot be computed: the patient's weight (0010,1030) is missing or zero; enter it to compute SUV.");
    const r = computeSuvBwFactors([attributesOf(spoilt, f.file)], { patientWeightKg: 70 });
    if (!r.ok) throw new Error(r.error);
    expect(relErr(r.value.factors[0]!, (f.factor * 70) / f.dcmdump.patientWeightKg)).toBeLessThan(1e-6);
    expect(r.value.source).toContain('weight 70 kg (edited)');
  });

  it('a real file not attenuation-corrected (ATTN replaced in Corrected Image) is refused, naming the value', () => {
    const { f, path } = always;
    const spoilt = spoilElement(readRealPet(path, f), f.syntax, 0x0028, 0x0051, 'CS', 'RAN\\DTIM\\NORM\\UNIF\\SCAT\\DECY');
    expect(refusalOf(spoilt, f)).toBe('SUV cannot be computed: the image is not attenuation- and decay-corrected (Corrected Image (0028,0051) is "RAN\\DTIM\\NORM\\UNIF\\SCAT\\DECY", ATTN and DECY are required).');
  });

  it('a real file in CNTS without the Philips private factors is refused, not labelled SUV', () => {
    const { f, path } = always;
    const spoilt = spoilElement(readRealPet(path, f), f.syntax, 0x0054, 0x1001, 'CS', 'CNTS');
    expect(refusalOf(spoilt, f)).toBe('SUV cannot be computed: the Units are CNTS and the Philips SUV factor (7053,1000) and activity concentration factor (7053,1009) are missing.');
  });
});

describe('real PET files: where they are', () => {
  it('the one inside the npm dependency is always here; the fetched ones are named when absent', () => {
    expect(always, 'node_modules/dicomweb-client/testData/sample.dcm (run npm ci)').toBeDefined();
    for (const m of missing) console.warn(`Not tested here: ${m.reason}.`);
    expect(present.length + missing.length).toBe(REAL_PET_FILES.length);
  });
});
