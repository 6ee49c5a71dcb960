import { watch } from 'vue';

/**
 * Resolves once a reactive condition holds (at once if it already does). Called from a component's
 * setup or hook, the watcher ends with the component: the promise then never resolves.
 */
export function whenTrue(condition: () => boolean): Promise<void> {
  if (condition()) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = watch(condition, (holds) => {
      if (!holds) return;
      stop();
      resolve();
    });
  });
}
