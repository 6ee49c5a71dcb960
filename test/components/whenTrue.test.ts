import { describe, expect, it } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { whenTrue } from '../../src/components/whenTrue';

describe('whenTrue', () => {
  it('resolves at once when the condition already holds', async () => {
    await expect(whenTrue(() => true)).resolves.toBeUndefined();
  });

  it('resolves when the condition becomes true, not before', async () => {
    const wanted = ref(false);
    let resolved = false;
    void whenTrue(() => wanted.value).then(() => (resolved = true));
    await nextTick();
    expect(resolved).toBe(false);
    wanted.value = true;
    await nextTick();
    await Promise.resolve();
    expect(resolved).toBe(true);
  });

  it('stops watching when its scope (a component) ends: it never resolves then', async () => {
    const wanted = ref(false);
    let resolved = false;
    const scope = effectScope();
    scope.run(() => void whenTrue(() => wanted.value).then(() => (resolved = true)));
    scope.stop();
    wanted.value = true;
    await nextTick();
    await Promise.resolve();
    expect(resolved).toBe(false);
  });
});
