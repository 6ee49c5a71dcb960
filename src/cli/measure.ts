/**
 * `nervetrace measure <file> --points "x,y x,y ..." [--frame N] [--json]`:
 * cross-sectional area and perimeter of one outline. Every number comes from the domain
 * (resolveCalibration + measureContour); this file only reads, validates and reports.
 */
import { printable, toJsonText } from './terminalText.ts';
import { readDicomMetadata, type DicomImageMetadata } from '../dicom/index.ts';
import { formatArea, formatLength, measureContour } from '../domain/measurement/index.ts';
import { fail, ok, type Contour, type Result } from '../domain/types.ts';
import { UsageError, parseArgs } from './args.ts';
import { calibrationReport, traceCalibration, type CalibrationReport } from './calibration.ts';
import { EXIT_OK, EXIT_REFUSED, type CliIo } from './io.ts';
import { parsePoints } from './points.ts';
import { readFileBytes } from './readFile.ts';
import { sideForContour, type SideReport } from './side.ts';

export const MEASURE_HELP = `Usage: nervetrace measure <file> --points "x,y x,y ..." [--frame N] [--json]

Measures the cross-sectional area and perimeter of the outline given by --points,
in millimetres when the image is calibrated (ultrasound region or PixelSpacing),
otherwise in pixels, clearly marked uncalibrated.

Options:
  --points "x,y x,y ..."  outline vertices in image pixel coordinates, 0-based
                          (x = column, y = row); at least 3 points; the outline
                          is closed automatically
  --frame N               frame index for multi-frame files, 0-based (default 0)
  --json                  print one JSON object
  --help                  show this help

JSON fields: areaMm2, perimeterMm, unit "mm", calibration {source, rowSpacingMm,
columnSpacingMm, ...}, side, sideSource, sideInferred — or, uncalibrated:
areaPx2, perimeterPx, unit "px", calibrated false (no millimetre fields).

The side comes from the laterality attributes; otherwise, on a near-axial image
(normal within 30 degrees of head-foot), it is inferred from the outline's
centroid in patient coordinates (sideInferred true); otherwise null.

Refusals (unreadable file, bad --points, frame out of range, outline outside the
image or an ultrasound region, self-intersecting outline) print one sentence on
stderr and exit 1; command-line errors exit 2.
`;

export interface MeasureRequest {
  readonly file: string;
  /** The raw --points text. */
  readonly points: string;
  /** 0-based frame index (default 0). */
  readonly frame?: number;
}

interface MeasureCommon {
  readonly file: string;
  readonly frame: number;
  readonly pointCount: number;
  readonly side: SideReport['side'];
  readonly sideSource: SideReport['sideSource'];
  readonly sideInferred: boolean;
}

export type MeasureOutput =
  | (MeasureCommon & {
      readonly calibrated: true;
      readonly unit: 'mm';
      readonly areaMm2: number;
      readonly perimeterMm: number;
      readonly calibration: CalibrationReport;
      /** Human-readable values, formatted by the domain. */
      readonly areaText: string;
      readonly perimeterText: string;
    })
  | (MeasureCommon & {
      readonly calibrated: false;
      readonly unit: 'px';
      readonly areaPx2: number;
      readonly perimeterPx: number;
      /** Only source and description: an uncalibrated result carries no millimetre fields at all. */
      readonly calibration: { readonly source: 'none'; readonly description?: string };
      readonly areaText: string;
      readonly perimeterText: string;
    });

function checkFrame(meta: DicomImageMetadata, frame: number): Result<void> {
  if (frame < meta.numberOfFrames) return ok(undefined);
  const n = meta.numberOfFrames;
  return fail(
    `Frame ${frame} is out of range: the file has ${n} frame${n === 1 ? '' : 's'} (valid indices 0 to ${n - 1}).`,
  );
}

function checkInsideImage(meta: DicomImageMetadata, contour: Contour): Result<void> {
  const maxX = meta.columns - 1;
  const maxY = meta.rows - 1;
  const index = contour.findIndex((p) => p.x < 0 || p.y < 0 || p.x > maxX || p.y > maxY);
  if (index < 0) return ok(undefined);
  const p = contour[index]!;
  return fail(
    `Point ${index + 1} (${p.x}, ${p.y}) lies outside the ${meta.columns}x${meta.rows} image (x 0 to ${maxX}, y 0 to ${maxY}).`,
  );
}

/** Parses a --frame value: a non-negative whole number. */
export function parseFrame(text: string | undefined): Result<number> {
  if (text === undefined) return ok(0);
  if (!/^\d+$/.test(text.trim())) return fail(`The --frame value "${text}" is not a frame index (0, 1, 2, ...).`);
  return ok(Number(text.trim()));
}

export function measureFile(request: MeasureRequest): Result<MeasureOutput> {
  const frame = request.frame ?? 0;
  if (!Number.isInteger(frame) || frame < 0) return fail(`The frame index ${frame} is not a whole number of at least 0.`);
  const contour = parsePoints(request.points);
  if (!contour.ok) return contour;

  const bytes = readFileBytes(request.file);
  if (!bytes.ok) return bytes;
  const read = readDicomMetadata(bytes.value, request.file);
  if (!read.ok) return read;
  const meta = read.value;

  const frameOk = checkFrame(meta, frame);
  if (!frameOk.ok) return frameOk;
  const inside = checkInsideImage(meta, contour.value);
  if (!inside.ok) return inside;

  const calibration = traceCalibration(meta, contour.value);
  if (!calibration.ok) return calibration;
  const metrics = measureContour(contour.value, calibration.value);
  if (!metrics.ok) return metrics;

  const side = sideForContour(meta, contour.value, frame);
  const common: MeasureCommon = {
    file: request.file,
    frame,
    pointCount: contour.value.length,
    side: side.side,
    sideSource: side.sideSource,
    sideInferred: side.sideInferred,
  };
  const m = metrics.value;
  const areaText = formatArea(m);
  const perimeterText = formatLength(m);
  if (m.calibrated) {
    return ok({
      ...common,
      calibrated: true,
      unit: 'mm',
      areaMm2: m.areaMm2,
      perimeterMm: m.perimeterMm,
      calibration: calibrationReport(m.calibration),
      areaText,
      perimeterText,
    });
  }
  return ok({
    ...common,
    calibrated: false,
    unit: 'px',
    areaPx2: m.areaPx2,
    perimeterPx: m.perimeterPx,
    calibration: {
      source: 'none',
      ...(m.calibration.description !== undefined ? { description: m.calibration.description } : {}),
    },
    areaText,
    perimeterText,
  });
}

function sideText(o: MeasureOutput): string {
  if (o.side === null) return 'unknown';
  return o.sideInferred ? `${o.side} (inferred from ${o.sideSource}; please confirm)` : `${o.side} (${o.sideSource})`;
}

export function formatMeasureText(o: MeasureOutput): string {
  const calibration = o.calibrated
    ? (o.calibration.description ?? o.calibration.source)
    : `UNCALIBRATED${o.calibration.description ? ` (${o.calibration.description})` : ''}`;
  const lines = [
    ['File', `${o.file}${o.frame > 0 ? ` (frame ${o.frame})` : ''}`],
    ['Area', o.areaText],
    ['Perimeter', o.perimeterText],
    ['Calibration', calibration],
    ['Side', sideText(o)],
  ];
  return lines.map(([k, v]) => `${`${k}:`.padEnd(13)}${printable(v ?? '')}`).join('\n');
}

/** JSON shape: numbers at full precision, no display strings. */
export function measureJson(o: MeasureOutput): Record<string, unknown> {
  const { areaText: _a, perimeterText: _p, ...rest } = o;
  return rest;
}

/** Runs the command; returns the exit code. */
export function runMeasure(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, { valued: ['--points', '--frame'], flags: ['--json', '--help'] });
  if (args.flags.has('--help')) {
    io.stdout(MEASURE_HELP);
    return EXIT_OK;
  }
  if (args.positionals.length === 0) throw new UsageError('measure needs a file.');
  if (args.positionals.length > 1) throw new UsageError('measure takes exactly one file.');
  const points = args.values.get('--points');
  if (points === undefined) throw new UsageError('measure needs --points "x,y x,y x,y ...".');
  const frame = parseFrame(args.values.get('--frame'));
  if (!frame.ok) {
    io.stderr(`${frame.error}\n`);
    return EXIT_REFUSED;
  }

  const result = measureFile({ file: args.positionals[0]!, points, frame: frame.value });
  if (!result.ok) {
    io.stderr(`${result.error}\n`);
    return EXIT_REFUSED;
  }
  io.stdout(args.flags.has('--json') ? toJsonText(measureJson(result.value)) : `${formatMeasureText(result.value)}\n`);
  return EXIT_OK;
}
