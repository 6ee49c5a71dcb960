/** The active tool, what the next trace will be recorded as, and tool messages for the user. */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { NerveId, SiteId } from '../domain/reference';
import type { ToolMode } from '../viewer/tools/toolModes';
import type { PendingCalibrationLine } from '../viewer/tools/calibrationLine';

export type { ToolMode, PendingCalibrationLine };

export const useToolStore = defineStore('tools', () => {
  const mode = ref<ToolMode>('navigate');
  const nerve = ref<NerveId>('sciatic');
  const site = ref<SiteId>('gluteal-fold');
  /** Last refusal or hint from a tool, shown until the next successful action. */
  const notice = ref('');
  const pendingCalibration = shallowRef<PendingCalibrationLine | null>(null);
  return { mode, nerve, site, notice, pendingCalibration };
});
