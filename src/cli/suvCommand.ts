/**
 * `nervetrace suv <pet.dcm> [--region "x,y ..."] [--line "x,y ..."] [--weight kg] [--dose MBq] [--json]`:
 * the SUVbw factor of a PET slice, and SUVmax / SUVmean / SUVpeak in a region and the SUV
 * profile along a line — the same domain functions the viewer calls.
 */
import { readDicomImage } from '../dicom/index.ts';
import { nativeFrameValues } from '../dicom/nativePixels.ts';
import { SUV_PEAK_DEFINITION, computeSuvBwFactors, regionSuv, suvImageFromStored, suvLineProfile, type RegionSuv, type SuvOverrides, type SuvProfile } from '../domain/suv/index.ts';
import { fail, ok, type Result } from '../domain/types.ts';
import { UsageError, parseArgs } from './args.ts';
import { EXIT_OK, EXIT_REFUSED, type CliIo } from './io.ts';
import { parsePoints } from './points.ts';
import { readFileBytes } from './readFile.ts';
import { printable } from './table.ts';

export const SUV_HELP = `Usage: nervetrace suv <pet.dcm> [--region "x,y ..."] [--line "x,y ..."] [--weight kg] [--dose MBq] [--json]

SUV body-weight (g/ml) of one PET slice: the factor and its source (QIBA
pseudo-code: BQML decayed from injection to scan, Philips CNTS factors, GML;
Decay Correction ADMIN without decay), and optionally:

  --region "x,y ..."  SUVmax (and where), SUVmean and SUVpeak inside the closed
                      outline (image pixel coordinates, 0-based, x = column)
  --line "x,y ..."    SUV along the polyline: length in mm and the maximum with
                      its distance from the first point
  --weight kg         patient weight to use instead of the file's (marked edited)
  --dose MBq          injected dose to use instead of the file's (marked edited)
  --json              print one JSON object (with every profile sample)

${SUV_PEAK_DEFINITION}.
Refusals (not PET, not attenuation/decay corrected, missing weight, dose or
times) print one sentence on stderr and exit 1.
`;

export interface SuvOutput {
  readonly file: string;
  readonly unit: 'g/ml{SUVbw}';
  readonly factor: number;
  readonly method: string;
  readonly source: string;
  readonly weightEdited: boolean;
  readonly doseEdited: boolean;
  readonly region?: RegionSuv;
  readonly line?: SuvProfile;
}

export function suvOfFile(file: string, options: { region?: string; line?: string; overrides?: SuvOverrides } = {}): Result<SuvOutput> {
  const bytes = readFileBytes(file);
  if (!bytes.ok) return bytes;
  const read = readDicomImage(bytes.value, file);
  if (!read.ok) return read;
  const { meta, dataSet } = read.value;
  if (!meta.pet) return fail(`${file} is not a PET image (Modality ${meta.modality ?? 'missing'}), so it has no SUV.`);
  const factors = computeSuvBwFactors([meta.pet], options.overrides);
  if (!factors.ok) return factors;
  const stored = nativeFrameValues(meta, dataSet);
  if (!stored.ok) return stored;
  const [rowSpacingMm, columnSpacingMm] = meta.pixelSpacing ?? [Number.NaN, Number.NaN];
  const image = suvImageFromStored(stored.value, { rows: meta.rows, columns: meta.columns, rowSpacingMm: rowSpacingMm!, columnSpacingMm: columnSpacingMm! }, { slope: meta.pet.rescaleSlope, intercept: meta.pet.rescaleIntercept }, factors.value.factors[0]!);
  let region: RegionSuv | undefined;
  if (options.region !== undefined) {
    const points = parsePoints(options.region);
    if (!points.ok) return fail(points.error.replace('--points', '--region'));
    const r = regionSuv(points.value, image);
    if (!r.ok) return r;
    region = r.value;
  }
  let line: SuvProfile | undefined;
  if (options.line !== undefined) {
    const points = parsePoints(options.line);
    if (!points.ok) return fail(points.error.replace('--points', '--line'));
    const p = suvLineProfile(points.value, image);
    if (!p.ok) return p;
    line = p.value;
  }
  const f = factors.value;
  return ok({ file, unit: 'g/ml{SUVbw}', factor: f.factors[0]!, method: f.method, source: f.source, weightEdited: f.weightEdited, doseEdited: f.doseEdited, ...(region ? { region } : {}), ...(line ? { line } : {}) });
}

const two = (v: number): string => v.toFixed(2);

export function formatSuvText(o: SuvOutput): string {
  const lines = [`File:        ${printable(o.file)}`, `SUV factor:  ${o.factor.toPrecision(6)} (SUVbw g/ml per rescaled pixel value)`, `Source:      ${printable(o.source)}`];
  if (o.region) {
    const r = o.region;
    lines.push(`SUVmax:      ${two(r.suvMax)} at (${r.maxAt.x}, ${r.maxAt.y})`, `SUVmean:     ${two(r.suvMean)} (${r.pixelCount} px)`, `SUVpeak:     ${two(r.suvPeak)} (2-D: 12.4 mm disc, the central section of a 1 cm³ sphere)`);
  }
  if (o.line) {
    const m = o.line.max;
    lines.push(`Line:        ${o.line.lengthMm.toFixed(1)} mm, ${o.line.samples.length} samples every ${o.line.stepMm} mm`, `Line max:    SUV ${two(m.suv)} at ${m.distanceMm.toFixed(1)} mm (${m.x.toFixed(1)}, ${m.y.toFixed(1)})`);
  }
  return lines.join('\n');
}

function positiveNumber(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (!Number.isFinite(v) || v <= 0) throw new UsageError(`${name} must be a positive number, not "${text}".`);
  return v;
}

export function runSuv(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, { valued: ['--region', '--line', '--weight', '--dose'], flags: ['--json', '--help'] });
  if (args.flags.has('--help')) {
    io.stdout(SUV_HELP);
    return EXIT_OK;
  }
  if (args.positionals.length !== 1) throw new UsageError('suv needs exactly one PET file.');
  const weight = positiveNumber(args.values.get('--weight'), '--weight');
  const doseMbq = positiveNumber(args.values.get('--dose'), '--dose');
  const overrides: SuvOverrides = { ...(weight !== undefined ? { patientWeightKg: weight } : {}), ...(doseMbq !== undefined ? { injectedDoseBq: doseMbq * 1e6 } : {}) };
  const region = args.values.get('--region');
  const line = args.values.get('--line');
  const result = suvOfFile(args.positionals[0]!, { ...(region !== undefined ? { region } : {}), ...(line !== undefined ? { line } : {}), overrides });
  if (!result.ok) {
    io.stderr(`${printable(result.error)}\n`);
    return EXIT_REFUSED;
  }
  io.stdout(args.flags.has('--json') ? `${JSON.stringify(result.value, null, 2)}\n` : `${formatSuvText(result.value)}\n`);
  return EXIT_OK;
}
