/**
 * SUV body-weight factors per the QIBA vendor-neutral pseudo-code
 * (QIBA FDG-PET/CT technical committee, "Vendor-neutral pseudo-code for SUV calculation"):
 *
 *   SUVbw = (stored × RescaleSlope + RescaleIntercept) × factor
 *   BQML  : factor = weight[g] / (dose × 2^(−decay time / half-life)), decay from injection to scan
 *           (the series time, unless it is after the earliest acquisition time: then GE's private
 *           scan time when present, else the earliest acquisition time)
 *   CNTS  : Philips private SUV factor (7053,1000) as is, else activity factor (7053,1009) → as BQML
 *   GML   : factor 1
 *
 * The factors come from @cornerstonejs/calculate-suv where it is right (Decay Correction START),
 * cross-checked by our own arithmetic. It is wrong for Decay Correction ADMIN (the image is
 * already decay-corrected to the injection time, so the dose must not be decayed; the package
 * decays it anyway): that case is computed here. Everything else is refused in one sentence.
 */
import { calculateSUVScalingFactors, type InstanceMetadata } from '@cornerstonejs/calculate-suv';
import { fail, ok, type Result } from '../types';
import { clockTime, dateTimeSeconds, dtSeconds } from './dicomTime';
import type { PetSuvAttributes, ScanTimeSource, SuvBwFactors, SuvMethod, SuvOverrides } from './types';

/** Our arithmetic and the package's may differ by its fractional-second padding (under 1 s of decay). */
const CROSS_CHECK_TOLERANCE = 1e-4;

const positive = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;
const refuse = (why: string): Result<never> => fail(`SUV cannot be computed: ${why}.`);

interface DecayTiming {
  readonly decayTimeS: number;
  readonly scanTimeSource: ScanTimeSource;
  readonly startS: number;
  readonly scanS: number;
}

/** QIBA's choice of scan time and the decay from injection to it. */
function decayTiming(instances: readonly PetSuvAttributes[]): Result<DecayTiming> {
  const first = instances[0]!;
  if (!first.seriesDate || !first.seriesTime) return refuse('the Series Date and Time (0008,0021/0031) are missing');
  const seriesS = dateTimeSeconds(first.seriesDate, first.seriesTime);
  if (seriesS === null) return refuse(`the Series Date/Time "${first.seriesDate} ${first.seriesTime}" cannot be read`);
  let earliestAcquisitionS = Infinity;
  for (const i of instances) {
    const t = i.acquisitionDate && i.acquisitionTime ? dateTimeSeconds(i.acquisitionDate, i.acquisitionTime) : null;
    if (t !== null) earliestAcquisitionS = Math.min(earliestAcquisitionS, t);
  }
  let scanS = seriesS;
  let scanTimeSource: ScanTimeSource = 'series';
  if (seriesS > earliestAcquisitionS) {
    const ge = first.gePrivateScanDateTime ? dtSeconds(first.gePrivateScanDateTime) : null;
    if (ge !== null) [scanS, scanTimeSource] = [ge, 'ge-private'];
    else [scanS, scanTimeSource] = [earliestAcquisitionS, 'acquisition'];
  }
  let startS: number | null = null;
  if (first.radiopharmaceuticalStartDateTime) startS = dtSeconds(first.radiopharmaceuticalStartDateTime);
  else if (first.radiopharmaceuticalStartTime) startS = dateTimeSeconds(first.seriesDate, first.radiopharmaceuticalStartTime);
  else return refuse('the injection time (Radiopharmaceutical Start Date Time (0018,1078) or Start Time (0018,1072)) is missing');
  if (startS === null) return refuse('the injection time cannot be read');
  const decayTimeS = scanS - startS;
  if (decayTimeS < 0) return refuse(`the injection time ${clockTime(startS)} is after the scan time ${clockTime(scanS)}`);
  return ok({ decayTimeS, scanTimeSource, startS, scanS });
}

/** The package's input for one instance, with the user's edits applied (the Philips SUV factor only when it is to be used). */
function packageInput(i: PetSuvAttributes, weightKg: number, doseBq: number, useSuvFactor: boolean): InstanceMetadata {
  return {
    CorrectedImage: [...i.correctedImage],
    Units: (i.units ?? '').toUpperCase(),
    RadionuclideHalfLife: i.radionuclideHalfLifeS ?? Number.NaN,
    RadionuclideTotalDose: doseBq,
    DecayCorrection: (i.decayCorrection ?? '').toUpperCase(),
    PatientWeight: weightKg,
    SeriesDate: i.seriesDate ?? '',
    SeriesTime: i.seriesTime ?? '',
    // Without acquisition times QIBA uses the series time; the package needs them, so pass the series time.
    AcquisitionDate: i.acquisitionDate ?? i.seriesDate ?? '',
    AcquisitionTime: i.acquisitionTime ?? i.seriesTime ?? '',
    ...(i.radiopharmaceuticalStartDateTime ? { RadiopharmaceuticalStartDateTime: i.radiopharmaceuticalStartDateTime } : {}),
    ...(i.radiopharmaceuticalStartTime ? { RadiopharmaceuticalStartTime: i.radiopharmaceuticalStartTime } : {}),
    ...(i.gePrivateScanDateTime ? { GEPrivatePostInjectionDateTime: i.gePrivateScanDateTime.trim() } : {}),
    PhilipsPETPrivateGroup: {
      SUVScaleFactor: useSuvFactor ? (i.philipsSuvScaleFactor ?? undefined) : undefined,
      ActivityConcentrationScaleFactor: i.philipsActivityConcentrationScaleFactor ?? undefined,
    },
  };
}

/** The package's suvbw factors; it logs a warning for every SUL input we do not use, silenced here. */
function packageFactors(inputs: InstanceMetadata[]): Result<number[]> {
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    return ok(calculateSUVScalingFactors(inputs).map((f) => Number(f.suvbw)));
  } catch (e) {
    return refuse(`the SUV library rejected the attributes (${e instanceof Error ? e.message : String(e)})`);
  } finally {
    console.warn = warn;
  }
}

const mbq = (bq: number): string => `${(bq / 1e6).toFixed(1)} MBq`;
const edited = (flag: boolean): string => (flag ? ' (edited)' : '');
const SCAN_TIME_NAME: Record<ScanTimeSource, string> = {
  series: 'the series time',
  acquisition: 'the earliest acquisition time',
  'ge-private': "GE's private scan time",
};

/**
 * SUVbw factors of the instances of one PET series (same order), or a one-sentence refusal.
 * A factor is never given for an image that is not attenuation- and decay-corrected.
 */
export function computeSuvBwFactors(instances: readonly PetSuvAttributes[], overrides: SuvOverrides = {}): Result<SuvBwFactors> {
  const first = instances[0];
  if (!first) return refuse('no PET image was given');
  const units = first.units?.toUpperCase() ?? null;
  if (!units) return refuse('the Units (0054,1001) attribute is missing');
  if (instances.some((i) => i.units?.toUpperCase() !== units)) return refuse('the images of the series disagree on their Units (0054,1001)');
  const corrections = new Set(first.correctedImage.map((c) => c.trim().toUpperCase()));
  if (!corrections.has('ATTN') || !corrections.has('DECY')) {
    return refuse(`the image is not attenuation- and decay-corrected (Corrected Image (0028,0051) is "${first.correctedImage.join('\\')}", ATTN and DECY are required)`);
  }
  const decayCorrection = first.decayCorrection?.toUpperCase() ?? null;
  if (decayCorrection !== 'START' && decayCorrection !== 'ADMIN') {
    return refuse(decayCorrection ? `Decay Correction (0054,1102) is "${decayCorrection}", not START or ADMIN` : 'Decay Correction (0054,1102) is missing');
  }
  const weightEdited = overrides.patientWeightKg !== undefined;
  const weightKg = overrides.patientWeightKg ?? first.patientWeightKg;
  if (!positive(weightKg)) return refuse("the patient's weight (0010,1030) is missing or zero; enter it to compute SUV");
  const doseEdited = overrides.injectedDoseBq !== undefined;
  const doseBq = overrides.injectedDoseBq ?? first.radionuclideTotalDoseBq;
  const base = { patientWeightKg: weightKg, weightEdited, doseEdited };

  if (units === 'GML') {
    return ok({ ...base, injectedDoseBq: doseBq, factors: instances.map(() => 1), method: 'gml', decayTimeS: null, scanTimeSource: null, source: 'Units GML: the pixel values are SUVbw as the scanner computed them.' });
  }

  let activityFactors: number[] | null = null;
  if (units === 'CNTS') {
    const suvFactors = instances.map((i) => i.philipsSuvScaleFactor);
    const activity = instances.map((i) => i.philipsActivityConcentrationScaleFactor);
    const useSuvFactor = suvFactors.every(positive) && !weightEdited && !doseEdited;
    if (useSuvFactor) {
      return ok({ ...base, injectedDoseBq: doseBq, factors: suvFactors, method: 'philips-suv-factor', decayTimeS: null, scanTimeSource: null, source: "Units CNTS: Philips' private SUV Scale Factor (7053,1000)." });
    }
    if (!activity.every(positive)) {
      return refuse(suvFactors.every(positive)
        ? "the Philips SUV factor already includes the file's weight and dose, and without the activity concentration factor (7053,1009) edited values cannot be applied"
        : 'the Units are CNTS and the Philips SUV factor (7053,1000) and activity concentration factor (7053,1009) are missing');
    }
    activityFactors = activity;
  } else if (units !== 'BQML') {
    return refuse(`Units (0054,1001) "${units}" are not BQML, CNTS or GML`);
  }

  if (!positive(doseBq)) return refuse('the injected dose (Radionuclide Total Dose (0018,1074)) is missing or zero; enter it to compute SUV');
  const counts = activityFactors ? "Philips' activity concentration factor (7053,1009) × " : '';
  const unitsName = activityFactors ? 'Units CNTS' : 'Units BQML';

  if (decayCorrection === 'ADMIN') {
    const bqml = (weightKg * 1000) / doseBq;
    return ok({
      ...base,
      injectedDoseBq: doseBq,
      factors: instances.map((_, k) => (activityFactors ? activityFactors[k]! : 1) * bqml),
      method: activityFactors ? 'philips-activity-factor-admin' : 'bqml-admin',
      decayTimeS: 0,
      scanTimeSource: null,
      source: `${unitsName}: ${counts}weight ${weightKg} kg${edited(weightEdited)} / dose ${mbq(doseBq)}${edited(doseEdited)}, not decayed: Decay Correction ADMIN means the image is corrected to the injection time.`,
    });
  }

  if (!positive(first.radionuclideHalfLifeS)) return refuse('the Radionuclide Half Life (0018,1075) is missing');
  const timing = decayTiming(instances);
  if (!timing.ok) return timing;
  const fromPackage = packageFactors(instances.map((i) => packageInput(i, weightKg, doseBq, false)));
  if (!fromPackage.ok) return fromPackage;
  const decayed = doseBq * 2 ** (-timing.value.decayTimeS / first.radionuclideHalfLifeS);
  const ours = instances.map((_, k) => ((activityFactors ? activityFactors[k]! : 1) * weightKg * 1000) / decayed);
  const disagreement = ours.findIndex((f, k) => Math.abs(fromPackage.value[k]! / f - 1) > CROSS_CHECK_TOLERANCE);
  if (disagreement >= 0) return refuse(`two computations of the factor of image ${disagreement + 1} disagree (${ours[disagreement]} against ${fromPackage.value[disagreement]})`);
  const { decayTimeS, scanTimeSource, startS, scanS } = timing.value;
  return ok({
    ...base,
    injectedDoseBq: doseBq,
    factors: fromPackage.value,
    method: activityFactors ? 'philips-activity-factor' : 'bqml-decay-to-scan',
    decayTimeS,
    scanTimeSource,
    source: `${unitsName}: ${counts}weight ${weightKg} kg${edited(weightEdited)} / dose ${mbq(doseBq)}${edited(doseEdited)} decayed ${Math.round(decayTimeS)} s (half-life ${first.radionuclideHalfLifeS} s) from injection ${clockTime(startS)} to ${SCAN_TIME_NAME[scanTimeSource]} ${clockTime(scanS)}.`,
  });
}

/** SUVbw of one stored pixel value of an instance (per-slice rescale, then the instance's factor). */
export function suvOfStored(stored: number, slope: number | null, intercept: number | null, factor: number): number {
  return (stored * (slope ?? 1) + (intercept ?? 0)) * factor;
}

export type { SuvMethod };
