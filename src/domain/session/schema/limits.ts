/** Upper bounds a session file must respect, so that a hostile or corrupt file cannot exhaust memory. */
export const SESSION_LIMITS = {
  /** Characters of JSON text parseSession accepts (about 256 MB of ASCII). */
  jsonChars: 256 * 1024 * 1024,
  measurements: 10_000,
  contourPoints: 100_000,
  studies: 1_000,
  seriesPerStudy: 1_000,
  instancesPerSeries: 100_000,
  framesPerInstance: 1_000_000,
  calibrations: 100_000,
  emgRows: 10_000,
  ncsRows: 10_000,
  thresholds: 1_000,
  /** Columns of a derived table (profile: 18; follow-up: 8 + one per visit). */
  tableColumns: 200,
  /** User-edited reference sets kept in a session. */
  referenceSets: 1_000,
  /** Identifiers, UIDs, names, labels. */
  shortText: 256,
  /** Descriptions and notes. */
  longText: 10_000,
} as const;
