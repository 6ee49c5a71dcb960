/**
 * The clinical side of a session: needle EMG and nerve-conduction rows, the reference set used to
 * judge nerve size (built-in or user-edited), the NCS limit set and the ratio threshold. Everything
 * derived — comparison, localization, concordance, report, nerve map — is computed by the domain
 * (`analyseClinicalCase`, `buildClinicalReport`, `buildNerveMap`) from this plain state and the
 * measurement store. `snapshot()` / `restore()` save and load the state as plain JSON.
 */
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import { fail, ok, type Result, type Side } from '../domain/types';
import {
  DEFAULT_NCS_LIMITS,
  NCS_LIMIT_SETS,
  getNcsNerve,
  matchMuscle,
  parsePastedTable as parseTable,
  patientAgeYears as patientAgeYearsOf,
  type PatientAge,
  type NcsLimit,
  type NcsLimitSet,
  type NcsRow,
  type NeedleEmgRow,
  type ParseResult,
} from '../domain/emg';
import {
  BUILT_IN_REFERENCE_SETS,
  DEFAULT_REFERENCE_SET,
  validateReferenceSet,
  withAsymmetryOverride,
  withThresholdOverride,
  withoutThreshold,
  type AsymmetryOverride,
  type Modality,
  type NerveId,
  type ReferenceSet,
  type SiteId,
  type ThresholdOverride,
  type UserSetNaming,
} from '../domain/reference';
import { analyseClinicalCase, buildClinicalReport, type ClinicalCaseInput } from '../domain/report';
import { buildNerveMap } from '../domain/nervemap';
import { relateFdgToEmg } from '../domain/suv';
import { useMeasurementStore } from './measurementStore';
import { useStudyStore } from './studyStore';
import { usePetCtStore } from './petCtStore';
import { CLINICAL_SNAPSHOT_VERSION, parseClinicalSnapshot, type ClinicalSnapshot } from './clinicalSnapshot';

export { CLINICAL_SNAPSHOT_VERSION, parseClinicalSnapshot, type ClinicalSnapshot } from './clinicalSnapshot';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
/** Fields of an EMG row the table edits; `undefined` means "not recorded". */
export type EmgRowPatch = Partial<Omit<NeedleEmgRow, 'id'>>;
export type NcsRowPatch = Partial<Omit<NcsRow, 'id'>>;

export type PasteKind = 'emg' | 'ncs';
export type PasteMode = PasteKind | 'auto';

/** A parsed paste, shown as a preview before the rows are added. */
export type PastePreview =
  | { readonly kind: 'emg'; readonly result: ParseResult<NeedleEmgRow>; readonly detected: boolean }
  | { readonly kind: 'ncs'; readonly result: ParseResult<NcsRow>; readonly detected: boolean };

/** The findings of a normal muscle, set by "All normal" on a row (new rows start not recorded). */
export const NORMAL_EMG_FINDINGS: Omit<NeedleEmgRow, 'muscle' | 'side'> = {
  insertionalActivity: 'normal',
  fibrillations: 0,
  positiveSharpWaves: 0,
  muapAmplitude: 'normal',
  muapDuration: 'normal',
  polyphasia: 'normal',
  recruitment: 'full',
};

/** Drop keys whose value is undefined so rows stay plain JSON ("not recorded" = absent). */
function compact<T extends object>(row: T): T {
  const out = { ...row } as Record<string, unknown>;
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out as T;
}

/** Plain deep copy through JSON: what a session file would hold. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Read a pasted table. 'auto' tries both parsers and keeps the one whose header row was found
 * (an EMG table needs a "Muscle" column, a conduction table a "Nerve" column).
 */
export function parsePastedTable(text: string, mode: PasteMode, defaultSide: Side | null): PastePreview {
  // The same parser as `nervetrace import-table` (domain/emg/pasteTable.ts).
  const table = parseTable(text, { ...(mode !== 'auto' ? { kind: mode } : {}), ...(defaultSide ? { defaultSide } : {}) });
  const detected = mode === 'auto' && table.result.columns.length > 0;
  return table.kind === 'emg' ? { kind: 'emg', result: table.result, detected } : { kind: 'ncs', result: table.result, detected };
}

/** How a typed muscle name reads against the controlled list. */
export type MuscleNameStatus =
  | { readonly kind: 'known'; readonly id: string; readonly label: string }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly string[] }
  | { readonly kind: 'free-text' }
  | { readonly kind: 'empty' };

export function describeMuscleName(text: string): MuscleNameStatus {
  if (text.trim().length === 0) return { kind: 'empty' };
  const match = matchMuscle(text);
  if (match.kind === 'known') return { kind: 'known', id: match.muscle.id, label: match.muscle.label };
  if (match.kind === 'ambiguous') return { kind: 'ambiguous', candidates: match.candidates.map((m) => m.label) };
  return { kind: 'free-text' };
}

/** "amplitude ≥ 6.0 µV, latency ≤ 4.4 ms (convention)" — the limits a conduction row is flagged against. */
export function describeNcsLimit(limit: NcsLimit, unit: string): string {
  const parts: string[] = [];
  const src = (measure: 'amplitude' | 'latency' | 'velocity') => limit.measureSources?.[measure] ?? limit.source;
  if (limit.minAmplitude !== undefined) parts.push(`amplitude ≥ ${limit.minAmplitude.toFixed(1)} ${unit} (${src('amplitude')})`);
  if (limit.maxLatencyMs !== undefined) parts.push(`latency ≤ ${limit.maxLatencyMs.toFixed(1)} ms (${src('latency')})`);
  if (limit.minVelocityMs !== undefined) parts.push(`velocity ≥ ${limit.minVelocityMs.toFixed(0)} m/s (${src('velocity')})`);
  return parts.join(', ');
}

export const useClinicalStore = defineStore('clinical', () => {
  const measurementStore = useMeasurementStore();
  const studyStore = useStudyStore();

  // ---- state (plain data) ----
  const emgRows = shallowRef<readonly NeedleEmgRow[]>([]);
  const ncsRows = shallowRef<readonly NcsRow[]>([]);
  const userReferenceSets = shallowRef<readonly ReferenceSet[]>([]);
  const referenceSetId = shallowRef<string>(DEFAULT_REFERENCE_SET.id);
  const ncsLimitSetId = shallowRef<string>(DEFAULT_NCS_LIMITS.id);
  /** Session-level larger/smaller ratio (source "user"); null = the reference set's ratio. */
  const ratioThreshold = shallowRef<number | null>(null);
  /** Entered patient age in whole years (age-dependent NCS limits); null = unknown. */
  const patientAgeYears = shallowRef<number | null>(null);

  let idCounter = 0;
  function freshId(prefix: 'emg' | 'ncs', taken: ReadonlySet<string>): string {
    let id: string;
    do id = `${prefix}-${++idCounter}`;
    while (taken.has(id));
    return id;
  }
  const idsOf = (rows: readonly { readonly id?: string }[]) => new Set(rows.map((r) => r.id ?? ''));

  // ---- derived ----
  const referenceSets = computed<readonly ReferenceSet[]>(() => [...BUILT_IN_REFERENCE_SETS, ...userReferenceSets.value]);
  const referenceSet = computed<ReferenceSet>(
    () => referenceSets.value.find((s) => s.id === referenceSetId.value) ?? DEFAULT_REFERENCE_SET,
  );
  const ncsLimitSets = NCS_LIMIT_SETS;
  const ncsLimits = computed<NcsLimitSet>(() => NCS_LIMIT_SETS.find((s) => s.id === ncsLimitSetId.value) ?? DEFAULT_NCS_LIMITS);

  /** The age from the opened DICOM (PatientAge, or birth date with the study date); null when none gives one. */
  const dicomAge = computed<PatientAge | null>(() => {
    for (const instance of studyStore.instances) {
      const m = instance.meta;
      const age = patientAgeYearsOf({ patientAge: m.patientAge ?? null, birthDate: m.patientBirthDate ?? null, studyDate: m.studyDate ?? null });
      if (age) return age;
    }
    return null;
  });
  /** The age used for the limits: entered first, else from the DICOM; null = unknown (the report says so). */
  const patientAge = computed<PatientAge | null>(() =>
    patientAgeYears.value !== null ? patientAgeYearsOf({ enteredYears: patientAgeYears.value }) : dicomAge.value,
  );

  const petCt = usePetCtStore();
  const caseInput = computed<ClinicalCaseInput>(() => ({
    measurements: measurementStore.comparison,
    emg: emgRows.value,
    ncs: ncsRows.value,
    referenceSet: referenceSet.value,
    ncsLimits: ncsLimits.value,
    ...(ratioThreshold.value !== null ? { ratioThreshold: ratioThreshold.value } : {}),
    ...(patientAge.value ? { ageYears: patientAge.value.years } : {}),
    ...(petCt.measurements.length ? { fdg: petCt.measurements } : {}),
  }));
  const analysis = computed(() => analyseClinicalCase(caseInput.value));
  const comparisons = computed(() => analysis.value.comparisons);
  const localization = computed(() => analysis.value.localization);
  const concordance = computed(() => analysis.value.concordance);
  /** Assessment of each EMG row by id (rows without a muscle name have none). */
  const emgAssessments = computed(() => new Map(analysis.value.emg.map((a) => [a.row.id ?? '', a])));
  /** Conduction flags of each NCS row by id. */
  const ncsFlags = computed(() => new Map(analysis.value.ncs.map((f) => [f.row.id ?? '', f])));
  const report = computed(() => buildClinicalReport(caseInput.value, analysis.value));
  const nerveMap = computed(() =>
    buildNerveMap({
      localization: localization.value,
      comparisons: comparisons.value,
      concordance: concordance.value,
      fdg: relateFdgToEmg(petCt.measurements, localization.value),
    }),
  );

  // ---- EMG rows ----
  function addEmgRow(init: Partial<NeedleEmgRow> = {}): string {
    const side: Side = init.side ?? emgRows.value.at(-1)?.side ?? 'R';
    const id = freshId('emg', idsOf(emgRows.value));
    emgRows.value = [...emgRows.value, compact({ muscle: '', ...init, side, id })];
    return id;
  }
  /** "All normal": every field still not recorded becomes normal; recorded findings stay. */
  function setEmgRowNormal(id: string): void {
    emgRows.value = emgRows.value.map((r) => (r.id === id ? compact({ ...NORMAL_EMG_FINDINGS, ...r, id }) : r));
  }
  function updateEmgRow(id: string, patch: EmgRowPatch): void {
    emgRows.value = emgRows.value.map((r) => (r.id === id ? compact({ ...r, ...patch, id }) : r));
  }
  /** Set the muscle from what was typed: a name in the controlled list becomes its id, anything else stays free text. */
  function setEmgMuscle(id: string, text: string): void {
    const status = describeMuscleName(text);
    updateEmgRow(id, { muscle: status.kind === 'known' ? status.id : text.trim() });
  }
  function removeEmgRow(id: string): void {
    emgRows.value = emgRows.value.filter((r) => r.id !== id);
  }
  function withFreshIds<Row extends { readonly id?: string }>(rows: readonly Row[], existing: readonly Row[], prefix: 'emg' | 'ncs'): Row[] {
    const taken = idsOf(existing);
    return rows.map((row) => {
      const id = freshId(prefix, taken);
      taken.add(id);
      return compact({ ...row, id });
    });
  }
  function appendEmgRows(rows: readonly NeedleEmgRow[]): void {
    emgRows.value = [...emgRows.value, ...withFreshIds(rows, emgRows.value, 'emg')];
  }
  function replaceEmgRows(rows: readonly NeedleEmgRow[]): void {
    emgRows.value = withFreshIds(rows, [], 'emg');
  }

  // ---- NCS rows ----
  function addNcsRow(init: Partial<NcsRow> = {}): string {
    const side: Side = init.side ?? ncsRows.value.at(-1)?.side ?? 'R';
    const id = freshId('ncs', idsOf(ncsRows.value));
    ncsRows.value = [...ncsRows.value, compact({ nerve: '', kind: 'motor' as const, noResponse: false, ...init, side, id })];
    return id;
  }
  function updateNcsRow(id: string, patch: NcsRowPatch): void {
    ncsRows.value = ncsRows.value.map((r) => {
      if (r.id !== id) return r;
      const next: Mutable<NcsRow> = compact({ ...r, ...patch, id });
      if (next.noResponse) {
        delete next.latencyMs;
        delete next.amplitude;
        delete next.velocityMs;
      }
      return next;
    });
  }
  /** Choose the study; a controlled study also sets motor / sensory / H-reflex. */
  function setNcsNerve(id: string, nerve: string): void {
    const definition = getNcsNerve(nerve);
    updateNcsRow(id, definition ? { nerve, kind: definition.kind } : { nerve });
  }
  function removeNcsRow(id: string): void {
    ncsRows.value = ncsRows.value.filter((r) => r.id !== id);
  }
  function appendNcsRows(rows: readonly NcsRow[]): void {
    ncsRows.value = [...ncsRows.value, ...withFreshIds(rows, ncsRows.value, 'ncs')];
  }
  function replaceNcsRows(rows: readonly NcsRow[]): void {
    ncsRows.value = withFreshIds(rows, [], 'ncs');
  }

  // ---- pasted tables ----
  function previewPaste(text: string, mode: PasteMode, defaultSide: Side | null): PastePreview {
    return parsePastedTable(text, mode, defaultSide);
  }
  /** Add the previewed rows after the existing ones, or replace that table's rows. */
  function applyPaste(preview: PastePreview, how: 'add' | 'replace'): number {
    if (preview.kind === 'emg') {
      if (how === 'add') appendEmgRows(preview.result.rows);
      else replaceEmgRows(preview.result.rows);
    } else if (how === 'add') appendNcsRows(preview.result.rows);
    else replaceNcsRows(preview.result.rows);
    return preview.result.rows.length;
  }

  // ---- reference sets ----
  function chooseReferenceSet(id: string): Result<ReferenceSet> {
    const set = referenceSets.value.find((s) => s.id === id);
    if (!set) return fail(`There is no reference set "${id}".`);
    referenceSetId.value = id;
    return ok(set);
  }
  /** Keep a user set (replacing one with the same id) and choose it. */
  function keepUserSet(set: ReferenceSet): ReferenceSet {
    const others = userReferenceSets.value.filter((s) => s.id !== set.id);
    userReferenceSets.value = [...others, set];
    referenceSetId.value = set.id;
    return set;
  }
  /** Naming for an edit of the current set: a built-in set gets a new user copy with a free id. */
  function namingForEdit(): UserSetNaming | undefined {
    const current = referenceSet.value;
    if (!current.builtIn) return undefined;
    const taken = new Set(referenceSets.value.map((s) => s.id));
    if (!taken.has(`${current.id}+user`)) return undefined;
    let n = 2;
    while (taken.has(`${current.id}+user-${n}`)) n++;
    return { id: `${current.id}+user-${n}`, name: `${current.name} (user-edited ${n})` };
  }
  /** Change or add a threshold in the current set; a built-in set is never changed: a user set is made and chosen. */
  function editThreshold(override: ThresholdOverride): Result<ReferenceSet> {
    const result = withThresholdOverride(referenceSet.value, override, namingForEdit());
    return result.ok ? ok(keepUserSet(result.value)) : result;
  }
  /** Remove a threshold from the current set (the site then has "no reference"), as a user set. */
  function removeThreshold(nerve: NerveId, site: SiteId, modality: Modality): ReferenceSet {
    return keepUserSet(withoutThreshold(referenceSet.value, nerve, site, modality, namingForEdit()));
  }
  /** Change the left–right criteria (e.g. the ratio) of the current set, as a user set. */
  function editAsymmetry(override: AsymmetryOverride): Result<ReferenceSet> {
    const result = withAsymmetryOverride(referenceSet.value, override, namingForEdit());
    return result.ok ? ok(keepUserSet(result.value)) : result;
  }
  /** Import a reference set (e.g. a JSON file) as a user set and choose it. */
  function importReferenceSet(value: unknown): Result<ReferenceSet> {
    const result = validateReferenceSet(value);
    if (!result.ok) return result;
    if (BUILT_IN_REFERENCE_SETS.some((s) => s.id === result.value.id)) {
      return fail(`"${result.value.id}" is the id of a built-in reference set: give the imported set another id.`);
    }
    return ok(keepUserSet({ ...result.value, builtIn: false }));
  }
  function deleteUserReferenceSet(id: string): void {
    userReferenceSets.value = userReferenceSets.value.filter((s) => s.id !== id);
    if (referenceSetId.value === id) referenceSetId.value = DEFAULT_REFERENCE_SET.id;
  }

  function chooseNcsLimits(id: string): Result<NcsLimitSet> {
    const set = NCS_LIMIT_SETS.find((s) => s.id === id);
    if (!set) return fail(`There is no nerve-conduction limit set "${id}".`);
    ncsLimitSetId.value = id;
    return ok(set);
  }
  /** Session-level ratio (source "user"); null returns to the reference set's ratio. */
  function setRatioThreshold(value: number | null): Result<number | null> {
    if (value !== null && !(Number.isFinite(value) && value > 1)) return fail('A ratio threshold must be a number greater than 1.');
    ratioThreshold.value = value;
    return ok(value);
  }

  /** The patient's age as typed ("" = unknown); refused unless a whole number of years 0–130. */
  function setPatientAge(text: string): Result<number | null> {
    const t = text.trim();
    if (t === '') {
      patientAgeYears.value = null;
      return ok(null);
    }
    const value = Number(t);
    if (!/^\d{1,3}$/.test(t) || value > 130) return fail('Enter the age in whole years (0–130), or leave it empty when unknown.');
    patientAgeYears.value = value;
    return ok(value);
  }

  /** Empty the EMG and NCS tables and return to the default reference and limit sets (user sets are dropped). */
  function clearAll(): void {
    emgRows.value = [];
    ncsRows.value = [];
    userReferenceSets.value = [];
    referenceSetId.value = DEFAULT_REFERENCE_SET.id;
    ncsLimitSetId.value = DEFAULT_NCS_LIMITS.id;
    ratioThreshold.value = null;
    patientAgeYears.value = null;
  }

  // ---- session ----
  function snapshot(): ClinicalSnapshot {
    return plain({
      version: CLINICAL_SNAPSHOT_VERSION,
      emg: emgRows.value,
      ncs: ncsRows.value,
      referenceSet: referenceSet.value,
      userReferenceSets: userReferenceSets.value,
      ratioThreshold: ratioThreshold.value,
      ncsLimitSetId: ncsLimits.value.id,
      ...(patientAgeYears.value !== null ? { patientAgeYears: patientAgeYears.value } : {}),
    });
  }

  /**
   * Restore a snapshot (validated first: nothing changes when it is refused). A built-in reference set
   * is matched by id; any other set is kept as a user set. Rows keep their ids when they are unique.
   */
  function restore(value: unknown): Result<ClinicalSnapshot> {
    const parsed = parseClinicalSnapshot(value);
    if (!parsed.ok) return parsed;
    const s = plain(parsed.value);
    const users = new Map<string, ReferenceSet>();
    for (const set of s.userReferenceSets) {
      if (!BUILT_IN_REFERENCE_SETS.some((b) => b.id === set.id)) users.set(set.id, { ...set, builtIn: false });
    }
    const builtIn = BUILT_IN_REFERENCE_SETS.find((b) => b.id === s.referenceSet.id);
    if (!builtIn) users.set(s.referenceSet.id, { ...s.referenceSet, builtIn: false });

    const keepIds = <Row extends { readonly id?: string }>(rows: readonly Row[], prefix: 'emg' | 'ncs'): Row[] => {
      const taken = new Set<string>();
      return rows.map((row) => {
        const id = row.id && !taken.has(row.id) ? row.id : freshId(prefix, new Set([...taken, ...rows.map((r) => r.id ?? '')]));
        taken.add(id);
        return compact({ ...row, id });
      });
    };
    emgRows.value = keepIds(s.emg, 'emg');
    ncsRows.value = keepIds(s.ncs, 'ncs');
    userReferenceSets.value = [...users.values()];
    referenceSetId.value = builtIn ? builtIn.id : s.referenceSet.id;
    ncsLimitSetId.value = NCS_LIMIT_SETS.some((l) => l.id === s.ncsLimitSetId) ? s.ncsLimitSetId : DEFAULT_NCS_LIMITS.id;
    ratioThreshold.value = s.ratioThreshold;
    patientAgeYears.value = s.patientAgeYears ?? null;
    return ok(s);
  }

  return {
    // state
    emgRows,
    ncsRows,
    userReferenceSets,
    referenceSetId,
    ncsLimitSetId,
    ratioThreshold,
    patientAgeYears,
    patientAge,
    // derived
    referenceSets,
    referenceSet,
    ncsLimitSets,
    ncsLimits,
    caseInput,
    analysis,
    comparisons,
    localization,
    concordance,
    emgAssessments,
    ncsFlags,
    report,
    nerveMap,
    // EMG
    addEmgRow,
    setEmgRowNormal,
    updateEmgRow,
    setEmgMuscle,
    removeEmgRow,
    appendEmgRows,
    replaceEmgRows,
    // NCS
    addNcsRow,
    updateNcsRow,
    setNcsNerve,
    removeNcsRow,
    appendNcsRows,
    replaceNcsRows,
    // paste
    previewPaste,
    applyPaste,
    // reference sets and limits
    chooseReferenceSet,
    editThreshold,
    removeThreshold,
    editAsymmetry,
    importReferenceSet,
    deleteUserReferenceSet,
    chooseNcsLimits,
    setRatioThreshold,
    setPatientAge,
    clearAll,
    // session
    snapshot,
    restore,
  };
});
