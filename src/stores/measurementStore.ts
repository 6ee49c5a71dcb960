/**
 * All nerve measurements of the session, with undo/redo. Numbers are computed by the domain
 * from contours in image coordinates; this store only keeps them and their history.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { snapshotHistory } from './snapshotHistory';
import {
  comparisonInputs,
  groupRepeatedMeasurements,
  type NerveMeasurement,
} from '../domain/measurement';

export const useMeasurementStore = defineStore('measurements', () => {
  const measurements = shallowRef<readonly NerveMeasurement[]>([]);
  const selectedId = ref<string | null>(null);
  const history = snapshotHistory(measurements);
  /** Traced and ellipse areas pooled in one mean (saved with the session); by default summarised apart. */
  const poolMethods = ref(false);

  const groups = computed(() => groupRepeatedMeasurements(measurements.value, { poolMethods: poolMethods.value }));
  const comparison = computed(() => comparisonInputs(measurements.value, { poolMethods: poolMethods.value }));
  const byId = computed(() => new Map(measurements.value.map((m) => [m.id, m])));

  const commit = history.commit;

  function add(measurement: NerveMeasurement) {
    commit([...measurements.value, measurement]);
  }

  function update(measurement: NerveMeasurement) {
    commit(measurements.value.map((m) => (m.id === measurement.id ? measurement : m)));
  }

  /** Apply a change to one measurement (relabel, change nerve/site/side). */
  function patch(id: string, change: Partial<Pick<NerveMeasurement, 'label' | 'nerve' | 'site' | 'side' | 'sideSource'>>) {
    const current = byId.value.get(id);
    if (!current) return;
    update({ ...current, ...change, updatedAt: new Date().toISOString() });
  }

  /** Leave a repeat out of its group's mean, or bring it back (kept and exported either way; one undo step). */
  function setExcluded(id: string, excluded: boolean) {
    const current = byId.value.get(id);
    if (!current || (current.excluded === true) === excluded) return;
    const { excluded: _previous, ...rest } = current;
    update({ ...rest, ...(excluded ? { excluded: true } : {}), updatedAt: new Date().toISOString() });
  }

  function remove(id: string) {
    commit(measurements.value.filter((m) => m.id !== id));
    if (selectedId.value === id) selectedId.value = null;
  }

  /** Replace everything as one undoable step (e.g. all measurements recomputed after calibration). */
  function replaceKeepingHistory(next: readonly NerveMeasurement[]) {
    commit(next);
  }

  /** Replace everything (e.g. a session restored or imported); starts a fresh history. */
  function replaceAll(next: readonly NerveMeasurement[]) {
    history.reset(next);
  }

  const { undo, redo } = history;

  /** Next free label "A<n>". */
  function nextLabel(): string {
    const used = new Set(measurements.value.map((m) => m.label));
    let n = 1;
    while (used.has(`A${n}`)) n++;
    return `A${n}`;
  }

  return {
    measurements,
    selectedId,
    poolMethods,
    groups,
    comparison,
    byId,
    canUndo: history.canUndo,
    canRedo: history.canRedo,
    add,
    update,
    patch,
    setExcluded,
    remove,
    replaceAll,
    replaceKeepingHistory,
    undo,
    redo,
    nextLabel,
  };
});
