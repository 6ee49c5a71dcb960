/**
 * Domain speed, in Node (the same functions the browser runs):
 * - area + perimeter of a 10,000-point freehand contour (measureContour: THE source of both
 *   numbers in the UI and the CLI, including its refusal checks), and the bare shoelace area and
 *   perimeter for reference;
 * - comparison + localization + report of the large session, computed as the workstation does
 *   (comparisonInputs → compareSides, localizeLesions, relateImagingToEmg via analyseClinicalCase,
 *   then buildClinicalReport).
 */
import { contourAreaMm2 } from '../../src/domain/geometry/area.ts';
import { contourPerimeterMm } from '../../src/domain/geometry/perimeter.ts';
import { measureContour } from '../../src/domain/measurement/index.ts';
import { analyseClinicalCase, buildClinicalReport } from '../../src/domain/report/index.ts';
import { parseSession, rehydrateSession, type Session } from '../../src/domain/session/index.ts';
import type { ImagePoint } from '../../src/domain/types.ts';
import { sessionCaseInput } from '../../src/cli/sessionAnalysis.ts';
import { rng } from '../generate/dicom.ts';
import { round, timeMedian } from './stats.ts';

/** A freehand trace as a mouse produces it: 10,000 points round a nerve, with hand jitter. */
export function freehandContour(points = 10_000): ImagePoint[] {
  const random = rng(5);
  return Array.from({ length: points }, (_, i) => {
    const t = (2 * Math.PI * i) / points;
    const r = 120 + 8 * Math.sin(5 * t) + 0.05 * (random() - 0.5);
    return { x: 400 + 1.3 * r * Math.cos(t), y: 300 + r * Math.sin(t) };
  });
}

export interface DomainResults {
  metrics10kPointsMs: number;
  shoelace10kPointsMs: number;
  reportLargeSessionMs: number;
  parseLargeSessionMs: number;
  reportSections: number;
  comparisons: number;
}

export function measureDomain(sessionText: string): DomainResults {
  const contour = freehandContour();
  const calibration = { source: 'pixel-spacing', rowSpacingMm: 0.1, columnSpacingMm: 0.1 } as const;
  const check = measureContour(contour, calibration);
  if (!check.ok) throw new Error(`10k contour refused: ${check.error}`);
  const metrics = timeMedian(() => measureContour(contour, calibration), 300, 100);
  const shoelace = timeMedian(() => contourAreaMm2(contour, 0.1, 0.1) + contourPerimeterMm(contour, 0.1, 0.1), 1000, 200);

  let session: Session | null = null;
  const parse = timeMedian(() => {
    const parsed = parseSession(sessionText);
    if (!parsed.ok) throw new Error(parsed.error);
    session = rehydrateSession(parsed.value).session;
  }, 5, 1);
  const large = session as Session | null;
  if (!large) throw new Error('large session did not parse');
  let sections = 0;
  let comparisons = 0;
  const report = timeMedian(() => {
    const input = sessionCaseInput(large);
    const analysis = analyseClinicalCase(input);
    const built = buildClinicalReport(input, analysis);
    sections = built.sections.length;
    comparisons = analysis.comparisons.length;
    return built;
  }, 30, 5);
  return {
    metrics10kPointsMs: round(metrics.medianMs, 3),
    shoelace10kPointsMs: round(shoelace.medianMs, 3),
    reportLargeSessionMs: round(report.medianMs, 2),
    parseLargeSessionMs: round(parse.medianMs, 1),
    reportSections: sections,
    comparisons,
  };
}
