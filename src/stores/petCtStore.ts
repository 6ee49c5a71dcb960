/**
 * PET/CT: which PET and CT series are shown together, how (fused or side by side, colour map,
 * opacity, shared windows, linked slice), the SUV factor of the PET series (with the weight and
 * dose the user edited), and the SUV measurements (regions and lines along nerves).
 * Every number comes from src/domain/suv; this store only holds state and calls it.
 * Drawing, reassigning and deleting SUV measurements are one undo step each, like the nerve
 * measurements (measurementStore); the weight/dose edits are not part of that history.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { NerveId, SiteId } from '../domain/reference';
import type { SessionSuv, SessionSuvEdit } from '../domain/session';
import {
  computeSuvBwFactors,
  nearestSlice,
  pixelToPatient,
  regionSuv,
  suvImageFromStored,
  suvLineProfile,
  type SuvBwFactors,
  type SuvImage,
  type SuvMeasurement,
  type SuvProfile,
} from '../domain/suv';
import type { ImagePoint, Side } from '../domain/types';
import { loadSlices, type LoadedSlice } from '../viewer/petct/loadSlices';
import { useStudyStore, type Series } from './studyStore';
import { snapshotHistory } from './snapshotHistory';

export type PetCtLayout = 'fused' | 'side-by-side';
export type SuvTool = 'none' | 'region' | 'line';

const nowIso = (): string => new Date().toISOString();

export const usePetCtStore = defineStore('petct', () => {
  const studies = useStudyStore();
  const open = ref(false);
  const layout = ref<PetCtLayout>('fused');
  const petSeriesUid = ref<string | null>(null);
  const ctSeriesUid = ref<string | null>(null);
  const petSlices = shallowRef<LoadedSlice[]>([]);
  const ctSlices = shallowRef<LoadedSlice[]>([]);
  const ctIndex = ref(0);
  const opacity = ref(0.6);
  const suvWindow = ref({ lower: 0, upper: 5 });
  const ctWindow = ref({ center: 40, width: 400 });
  const colormap = ref<'hot' | 'grey'>('hot');
  const message = ref('');
  const loading = ref(false);

  const edits = ref<SessionSuvEdit[]>([]);
  const measurements = shallowRef<readonly SuvMeasurement[]>([]);
  const history = snapshotHistory(measurements);
  const tool = ref<SuvTool>('none');
  const draft = ref<ImagePoint[]>([]);
  const nerve = ref<NerveId>('sciatic');
  const site = ref<SiteId>('mid-thigh');
  /** null = from the drawing's position in patient coordinates. */
  const sideChoice = ref<Side | null>(null);
  const selectedId = ref<string | null>(null);

  /** PET series and a CT series on the same frame of reference. */
  const pairs = computed(() => {
    const pets = studies.allSeries.filter((s) => s.modality === 'PT');
    const cts = studies.allSeries.filter((s) => s.modality === 'CT');
    const frameOf = (s: Series) => s.instances[0]?.meta.frameOfReferenceUid ?? null;
    return pets.map((pet) => ({ pet, ct: cts.find((ct) => frameOf(ct) !== null && frameOf(ct) === frameOf(pet)) ?? null }));
  });
  const available = computed(() => pairs.value.length > 0);

  const editFor = (seriesUid: string | null) => edits.value.find((e) => e.seriesInstanceUid === seriesUid);

  const factors = computed<{ ok: true; value: SuvBwFactors } | { ok: false; error: string } | null>(() => {
    if (petSlices.value.length === 0) return null;
    const attributes = petSlices.value.map((s) => s.meta.pet);
    if (attributes.some((a) => !a)) return { ok: false, error: 'SUV cannot be computed: an image of the series is not PET.' };
    const e = editFor(petSeriesUid.value);
    return computeSuvBwFactors(attributes.map((a) => a!), {
      ...(e?.patientWeightKg !== undefined ? { patientWeightKg: e.patientWeightKg } : {}),
      ...(e?.injectedDoseBq !== undefined ? { injectedDoseBq: e.injectedDoseBq } : {}),
    });
  });

  const ctSlice = computed(() => ctSlices.value[ctIndex.value] ?? null);
  /** Linked scrolling: the PET slice nearest the CT slice's position. */
  const petIndex = computed(() => {
    if (!ctSlice.value) return 0;
    return Math.max(0, nearestSlice(petSlices.value.map((s) => s.position), ctSlice.value.position));
  });
  const petSlice = computed(() => petSlices.value[petIndex.value] ?? null);

  /** SUVbw of the PET slice on screen, or null when SUV cannot be computed. */
  const suvImage = computed<SuvImage | null>(() => {
    const slice = petSlice.value;
    const f = factors.value;
    if (!slice || !f?.ok) return null;
    const [rowSpacingMm, columnSpacingMm] = slice.meta.pixelSpacing as [number, number];
    return suvImageFromStored(slice.stored, { rows: slice.meta.rows, columns: slice.meta.columns, rowSpacingMm, columnSpacingMm }, { slope: slice.meta.rescaleSlope, intercept: slice.meta.rescaleIntercept }, f.value.factors[petIndex.value]!);
  });

  const selected = computed(() => measurements.value.find((m) => m.id === selectedId.value) ?? null);
  /** The profile of the selected line, recomputed from its points on its slice when that slice is on screen. */
  const selectedProfile = computed<SuvProfile | null>(() => {
    const m = selected.value;
    if (!m || m.kind !== 'line' || !suvImage.value || petSlice.value?.meta.sopInstanceUid !== m.image.sopInstanceUid) return null;
    const p = suvLineProfile(m.points, suvImage.value);
    return p.ok ? p.value : null;
  });

  async function show(petUid: string, ctUid: string | null) {
    loading.value = true;
    message.value = '';
    try {
      const pet = studies.seriesByUid.get(petUid);
      const ct = ctUid ? studies.seriesByUid.get(ctUid) : undefined;
      if (!pet) return;
      // The PET/CT view reads the files' bytes; series opened from a PACS have none here.
      if ([pet, ...(ct ? [ct] : [])].some((s) => s.instances.some((i) => i.file === null))) {
        return void (message.value = 'The PET/CT view works on files opened from disk; this series was opened from a PACS.');
      }
      const sources = (s: Series) => s.instances.map((i) => ({ file: i.file as File, fileName: i.fileName }));
      const [p, c] = await Promise.all([loadSlices(sources(pet)), ct ? loadSlices(sources(ct)) : Promise.resolve(null)]);
      if (!p.ok) return void (message.value = p.error);
      if (c && !c.ok) return void (message.value = c.error);
      petSeriesUid.value = petUid;
      ctSeriesUid.value = ctUid;
      petSlices.value = p.value;
      // Without a CT the PET slices stand in for it, so scrolling still works (side by side shows PET only).
      ctSlices.value = c ? c.value : p.value;
      ctIndex.value = Math.floor(ctSlices.value.length / 2);
      if (!c) layout.value = 'side-by-side';
    } finally {
      loading.value = false;
    }
  }

  async function openFusion() {
    const pair = pairs.value[0];
    if (!pair) return;
    open.value = true;
    await show(pair.pet.seriesInstanceUid, pair.ct?.seriesInstanceUid ?? null);
  }

  function scroll(delta: number) {
    ctIndex.value = Math.min(Math.max(0, ctIndex.value + delta), ctSlices.value.length - 1);
  }

  /** The user's weight (kg) and dose (MBq) for the PET series on screen; empty clears the edit. */
  function setEdit(weightKg: number | null, doseMbq: number | null) {
    const uid = petSeriesUid.value;
    if (!uid) return;
    const rest = edits.value.filter((e) => e.seriesInstanceUid !== uid);
    const edit: SessionSuvEdit = {
      seriesInstanceUid: uid,
      ...(weightKg !== null && weightKg > 0 ? { patientWeightKg: weightKg } : {}),
      ...(doseMbq !== null && doseMbq > 0 ? { injectedDoseBq: doseMbq * 1e6 } : {}),
    };
    edits.value = edit.patientWeightKg !== undefined || edit.injectedDoseBq !== undefined ? [...rest, edit] : rest;
  }

  function addPoint(p: ImagePoint) {
    if (tool.value === 'none' || !suvImage.value) return;
    draft.value = [...draft.value, p];
  }

  function cancelDraft() {
    draft.value = [];
  }

  function nextLabel(kind: 'region' | 'line'): string {
    const prefix = kind === 'region' ? 'S' : 'P';
    return `${prefix}${measurements.value.filter((m) => m.kind === kind).length + 1}`;
  }

  /** Close the region or end the line being drawn and measure it with the domain. */
  function finishDraft(): string | null {
    const image = suvImage.value;
    const slice = petSlice.value;
    const f = factors.value;
    const kind = tool.value;
    const points = draft.value;
    if (kind === 'none' || !image || !slice || !f?.ok) return null;
    const result = kind === 'region' ? regionSuv(points, image) : suvLineProfile(points, image);
    if (!result.ok) {
      message.value = result.error;
      return null;
    }
    // Side from the drawing's mean position in patient coordinates (LPS: +x is the patient's left).
    const meanX = points.reduce((s, p) => s + pixelToPatient(slice.plane, p.x, p.y)[0], 0) / points.length;
    const side: Side = sideChoice.value ?? (meanX >= 0 ? 'L' : 'R');
    const v = result.value;
    const values =
      'samples' in v
        ? { suvMax: v.max.suv, maxAt: { x: v.max.x, y: v.max.y }, suvMean: null, suvPeak: null, pixelCount: null, lengthMm: v.lengthMm, maxDistanceMm: v.max.distanceMm }
        : { suvMax: v.suvMax, maxAt: v.maxAt, suvMean: v.suvMean, suvPeak: v.suvPeak, pixelCount: v.pixelCount, lengthMm: null, maxDistanceMm: null };
    const m: SuvMeasurement = {
      id: `suv-${Date.now().toString(36)}-${measurements.value.length + 1}`,
      label: nextLabel(kind),
      kind,
      nerve: nerve.value,
      site: site.value,
      side,
      sideSource: sideChoice.value ? 'user' : 'patient-coordinates',
      image: {
        studyInstanceUid: slice.meta.studyInstanceUid ?? '',
        seriesInstanceUid: slice.meta.seriesInstanceUid ?? '',
        sopInstanceUid: slice.meta.sopInstanceUid ?? '',
        frameIndex: 0,
        fileName: slice.fileName,
      },
      points: [...points],
      values,
      factor: f.value.factors[petIndex.value]!,
      factorSource: f.value.source,
      weightEdited: f.value.weightEdited,
      doseEdited: f.value.doseEdited,
      createdAt: nowIso(),
    };
    commit([...measurements.value, m]);
    selectedId.value = m.id;
    draft.value = [];
    message.value = '';
    return m.id;
  }

  /** One undoable step. */
  const commit = history.commit;

  function remove(id: string) {
    if (!measurements.value.some((m) => m.id === id)) return;
    commit(measurements.value.filter((m) => m.id !== id));
    if (selectedId.value === id) selectedId.value = null;
  }

  /** Put a measurement on another nerve, site or side (its SUV values stay as measured); one undo step. */
  function reassign(id: string, change: { nerve: NerveId; site: SiteId; side: Side | null }) {
    const current = measurements.value.find((m) => m.id === id);
    if (!current) return;
    const side = change.side ?? current.side;
    const sideSource = change.side ? 'user' : current.sideSource;
    if (current.nerve === change.nerve && current.site === change.site && current.side === side && current.sideSource === sideSource) return;
    commit(measurements.value.map((m) => (m.id === id ? { ...m, nerve: change.nerve, site: change.site, side, sideSource } : m)));
  }

  function undo(): boolean {
    if (!history.undo()) return false;
    if (selectedId.value && !measurements.value.some((m) => m.id === selectedId.value)) selectedId.value = null;
    return true;
  }

  const redo = history.redo;

  /** What the session file stores (absent when there is nothing). */
  const sessionSuv = computed<SessionSuv | undefined>(() =>
    measurements.value.length || edits.value.length ? { edits: edits.value, measurements: measurements.value } : undefined,
  );

  /** A session restored or imported: its measurements, with a fresh history. */
  function restore(suv: SessionSuv | undefined) {
    edits.value = [...(suv?.edits ?? [])];
    history.reset([...(suv?.measurements ?? [])]);
    selectedId.value = null;
  }

  return {
    open, layout, petSeriesUid, ctSeriesUid, petSlices, ctSlices, ctIndex, opacity, suvWindow, ctWindow, colormap, message, loading,
    edits, measurements, tool, draft, nerve, site, sideChoice, selectedId,
    pairs, available, factors, ctSlice, petIndex, petSlice, suvImage, selected, selectedProfile, sessionSuv, editFor,
    canUndo: history.canUndo,
    canRedo: history.canRedo,
    show, openFusion, scroll, setEdit, addPoint, cancelDraft, finishDraft, remove, reassign, undo, redo, restore,
  };
});
