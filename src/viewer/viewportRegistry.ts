/**
 * The mounted viewport controllers by slot id, so keyboard shortcuts and toolbar buttons can
 * act on the active viewport without reaching into components.
 */
import type { StackViewportController } from './stackViewportController';

export interface ViewportCommands {
  readonly controller: StackViewportController;
  togglePlay(): void;
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
