/**
 * The mounted viewport controllers by slot id, so keyboard shortcuts and toolbar buttons can
 * act on the active viewport without reaching into components.
 */
import type { StackViewportController } from './stackViewportController';

export interface ViewportCommands {
  readonly controller: StackViewportController;
  togglePlay(): void;
  /** Esc: discard the trace being drawn (synchronously, before the mouse button is released). */
  cancelTrace(): void;
}

const registry = new Map<string, ViewportCommands>();

export const viewportRegistry = {
  register(slotId: string, commands: ViewportCommands) {
    registry.set(slotId, commands);
  },
  unregister(slotId: string) {
    registry.delete(slotId);
  },
  get(slotId: string): ViewportCommands | undefined {
    return registry.get(slotId);
  },
};

/**
 * A read-only seam for end-to-end tests: where an image pixel lies on screen, so a test can drag
 * the mouse along a known outline, and a checksum of the decoded pixels on screen (to compare two
 * ways of loading one image). It exposes no image or patient data.
 */
export function exposeForTests(slotId: string, controller: StackViewportController) {
  const w = window as unknown as { nervetraceViewports?: Record<string, unknown> };
  w.nervetraceViewports ??= {};
  w.nervetraceViewports[slotId] = {
    imageToClient: (x: number, y: number) => controller.imageToClient({ x, y }),
    pixelChecksum: () => controller.pixelChecksum(),
  };
}
