/**
 * Undo/redo over immutable snapshots of one value (a store's list of measurements): each commit is
 * one step; a restore starts a fresh history. Shared by the measurement and PET/CT stores.
 */
import { computed, shallowRef, type Ref } from 'vue';

/** Steps kept; older ones are dropped. */
export const HISTORY_LIMIT = 200;

export function snapshotHistory<T>(current: Ref<T>) {
  const undoStack = shallowRef<T[]>([]);
  const redoStack = shallowRef<T[]>([]);

  /** Replace the value as one undoable step. */
  function commit(next: T) {
    undoStack.value = [...undoStack.value.slice(-HISTORY_LIMIT + 1), current.value];
    redoStack.value = [];
    current.value = next;
  }

  /** Replace the value and forget the history (a session restored or imported). */
  function reset(next: T) {
    current.value = next;
    undoStack.value = [];
    redoStack.value = [];
  }

  function undo(): boolean {
    if (undoStack.value.length === 0) return false;
    const previous = undoStack.value.at(-1)!;
    undoStack.value = undoStack.value.slice(0, -1);
    redoStack.value = [...redoStack.value, current.value];
    current.value = previous;
    return true;
  }

  function redo(): boolean {
    if (redoStack.value.length === 0) return false;
    const next = redoStack.value.at(-1)!;
    redoStack.value = redoStack.value.slice(0, -1);
    undoStack.value = [...undoStack.value, current.value];
    current.value = next;
    return true;
  }

  return {
    commit,
    reset,
    undo,
    redo,
    canUndo: computed(() => undoStack.value.length > 0),
    canRedo: computed(() => redoStack.value.length > 0),
  };
}
