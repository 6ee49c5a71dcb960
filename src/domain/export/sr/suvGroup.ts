/**
 * SR measurement groups for FDG PET SUV measurements (TID 1500 / TID 1410 style, as for the nerve
 * cross-sections), added after them in the same report:
 *
 *   Measurement Group
 *     has obs context TEXT   Tracking Identifier, UIDREF Tracking Unique Identifier
 *     has concept mod CODE   Finding Site = nerve, with Laterality and site
 *     contains        SCOORD Image Region (region: closed POLYLINE) or Path (line: open POLYLINE)
 *     contains        NUM    SUVbw (DCM 126401) in g/ml{SUVbw}, Derivation = Maximum / Mean / Peak Value Within ROI
 *     contains        NUM    Length (line only) in mm
 *     contains        TEXT   Comment = the SUV factor's source, edits, SUVpeak definition
 *
 * The unit is written as the project specifies, UCUM "g/ml{SUVbw}" (DICOM CID 85 spells the same
 * UCUM quantity "{SUVbw}g/ml"; the annotation does not change the unit).
 */
import { hashToUid } from '../../session';
import { SUV_PEAK_DEFINITION } from '../../suv/regionSuv';
import { SUV_UNIT, type SuvMeasurement } from '../../suv/suvMeasurement';
import { CODES, SIDE_CODES, nerveCode, siteCode, UNITS, type Code } from './codes';
import { codeContent, container, imageItem, numItem, polylineItem, textItem, uidItem, type ImageRef } from './contentItems';
import type { Dataset } from './dcmjsAdapter';

const code = (value: string, scheme: string, meaning: string): Code => ({ value, scheme, meaning });

export const SUV_CODES = {
  suvbw: code('126401', 'DCM', 'SUVbw'),
  derivation: code('121401', 'DCM', 'Derivation'),
  maximum: code('56851009', 'SCT', 'Maximum'),
  mean: code('373098007', 'SCT', 'Mean'),
  peak: code('126031', 'DCM', 'Peak Value Within ROI'),
  path: code('111042', 'DCM', 'Path'),
  length: code('410668003', 'SCT', 'Length'),
  unit: code(SUV_UNIT, 'UCUM', 'Standardized Uptake Value body weight'),
} as const;

/** Is this SR content item an SUV group (so the nerve-size reader leaves it alone)? */
export function isSuvGroup(group: Dataset): boolean {
  const items = (group.ContentSequence as Dataset[] | undefined) ?? [];
  return items.some((c) => c.ValueType === 'NUM' && (c.ConceptNameCodeSequence as Dataset[] | undefined)?.[0]?.CodeValue === SUV_CODES.suvbw.value);
}

function suvNum(value: number, derivation: Code): Dataset {
  const item = numItem('CONTAINS', SUV_CODES.suvbw, value, SUV_CODES.unit);
  return { ...item, ContentSequence: [codeContent('HAS CONCEPT MOD', SUV_CODES.derivation, derivation)] };
}

export function suvMeasurementGroup(m: SuvMeasurement, ref: ImageRef, offset: number): Dataset {
  const points = m.kind === 'region' ? [...m.points, m.points[0]!] : m.points;
  const graphic: number[] = [];
  for (const p of points) graphic.push(p.x + offset, p.y + offset);
  const v = m.values;
  const edits = [m.weightEdited ? 'patient weight edited by the user' : null, m.doseEdited ? 'injected dose edited by the user' : null].filter((e) => e !== null);
  // ASCII only (1 cm3, not cm³), so the SR needs no character set.
  const comment = [
    `SUV body weight: ${m.factorSource}`,
    ...(edits.length ? [`${edits.join('; ')}.`] : []),
    ...(m.kind === 'region' ? [`${SUV_PEAK_DEFINITION.replace('³', '3')}.`] : v.maxDistanceMm !== null ? [`SUVmax at ${v.maxDistanceMm.toFixed(1)} mm from the first point of the line.`] : []),
  ].join(' ');
  return container('CONTAINS', CODES.measurementGroup, [
    textItem('HAS OBS CONTEXT', CODES.trackingIdentifier, m.label.length > 0 ? m.label : m.id),
    uidItem('HAS OBS CONTEXT', CODES.trackingUid, hashToUid(`NerveTrace SUV measurement ${m.id}`)),
    codeContent('HAS CONCEPT MOD', CODES.findingSite, nerveCode(m.nerve), [
      ...(m.side ? [codeContent('HAS CONCEPT MOD', CODES.laterality, SIDE_CODES[m.side])] : []),
      codeContent('HAS CONCEPT MOD', CODES.topographicalModifier, siteCode(m.site)),
    ]),
    polylineItem('CONTAINS', m.kind === 'region' ? CODES.imageRegion : SUV_CODES.path, graphic, [imageItem('SELECTED FROM', ref)]),
    suvNum(v.suvMax, SUV_CODES.maximum),
    ...(v.suvMean !== null ? [suvNum(v.suvMean, SUV_CODES.mean)] : []),
    ...(v.suvPeak !== null ? [suvNum(v.suvPeak, SUV_CODES.peak)] : []),
    ...(v.lengthMm !== null ? [numItem('CONTAINS', SUV_CODES.length, v.lengthMm, UNITS.mm)] : []),
    textItem('CONTAINS', CODES.comment, comment),
  ]);
}
