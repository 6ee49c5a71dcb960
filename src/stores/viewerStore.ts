/**
 * Viewer layout: a single viewport, or Left | Right with each viewport bound to a body side.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { FirstLook } from '../viewer/firstLook/firstLook';
import type { Side } from '../domain/types';
import { useStudyStore, type Series } from './studyStore';

export type Layout = 'single' | 'compare';

export interface ViewportSlot {
  readonly id: string;
  seriesUid: string | null;
  /** The side this viewport stands for in the comparison layout. */
  side: Side | null;
}

export const useViewerStore = defineStore('viewer', () => {
  const layout = ref<Layout>('single');
  const slots = ref<ViewportSlot[]>([{ id: 'vp-main', seriesUid: null, side: null }]);
  const activeSlotId = ref('vp-main');
  const helpOpen = ref(false);
  /** An image a viewport should jump to (e.g. clicking a measurement); the panel clears it. */
  const requestedImage = ref<{ slotId: string; imageId: string } | null>(null);
  /** A preview of the first file, shown in the first viewport until the viewer has painted (firstLook.ts). */
  const firstLook = shallowRef<FirstLook | null>(null);
  /** The first files are being opened: the workstation is shown already (empty, or with the first look). */
  const openingFirstFiles = ref(false);
  /** The imaging stack is loaded and started (while the start screen was idle: imagingPreload.ts). */
  const imagingReady = ref(false);
  /** Viewports whose tools work on the image they show (ViewportPanel's data-interactive). */
  const interactiveSlotIds = ref<string[]>([]);
  /** Outlines and labels drawn over the images (H hides them to see the nerve unobstructed). */
  const annotationsVisible = ref(true);

  const activeSlot = computed(() => slots.value.find((s) => s.id === activeSlotId.value) ?? slots.value[0]!);

  function seriesForSide(side: Side, except?: string | null): Series | undefined {
    const studies = useStudyStore();
    return studies.allSeries.find((s) => s.laterality === side && s.seriesInstanceUid !== except);
  }

  function showSeries(seriesUid: string, slotId = activeSlotId.value) {
    const slot = slots.value.find((s) => s.id === slotId);
    if (slot) slot.seriesUid = seriesUid;
  }

  function setLayout(next: Layout) {
    if (next === layout.value) return;
    const current = activeSlot.value.seriesUid;
    layout.value = next;
    if (next === 'single') {
      slots.value = [{ id: 'vp-main', seriesUid: current, side: null }];
      activeSlotId.value = 'vp-main';
      return;
    }
    // Bind each viewport to a side and fill it from laterality, keeping what was on screen.
    const studies = useStudyStore();
    const currentSeries = current ? studies.seriesByUid.get(current) : undefined;
    const left = currentSeries?.laterality === 'L' ? currentSeries : seriesForSide('L');
    const right = currentSeries?.laterality === 'R' ? currentSeries : seriesForSide('R');
    slots.value = [
      { id: 'vp-a', seriesUid: left?.seriesInstanceUid ?? current, side: 'L' },
      { id: 'vp-b', seriesUid: right?.seriesInstanceUid ?? null, side: 'R' },
    ];
    activeSlotId.value = slots.value[0]!.id;
  }

  /** Exchange the two viewports' content and side binding (the screen order stays). */
  function swapSides() {
    if (slots.value.length !== 2) return;
    const [a, b] = slots.value as [ViewportSlot, ViewportSlot];
    [a.seriesUid, b.seriesUid] = [b.seriesUid, a.seriesUid];
    [a.side, b.side] = [b.side, a.side];
  }

  function assignSide(slotId: string, side: Side) {
    const slot = slots.value.find((s) => s.id === slotId);
    if (slot) slot.side = side;
  }

  /** When the first files arrive, put something on screen without a click. */
  function showFirstSeriesIfEmpty() {
    const studies = useStudyStore();
    for (const slot of slots.value) {
      if (slot.seriesUid && studies.seriesByUid.has(slot.seriesUid)) continue;
      const wanted = slot.side ? seriesForSide(slot.side) : studies.allSeries[0];
      if (wanted) slot.seriesUid = wanted.seriesInstanceUid;
    }
  }

  /** Show this image in the viewport already showing its series, else in the active one. */
  function showImage(seriesUid: string, imageId: string) {
    const slot = slots.value.find((s) => s.seriesUid === seriesUid) ?? activeSlot.value;
    slot.seriesUid = seriesUid;
    activeSlotId.value = slot.id;
    requestedImage.value = { slotId: slot.id, imageId };
  }

  return { layout, slots, activeSlotId, activeSlot, helpOpen, requestedImage, firstLook, openingFirstFiles, imagingReady, interactiveSlotIds, annotationsVisible, showImage, showSeries, setLayout, swapSides, assignSide, showFirstSeriesIfEmpty };
});
