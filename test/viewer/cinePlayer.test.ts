import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CinePlayer } from '../../src/viewer/cinePlayer';

describe('CinePlayer', () => {
  let frameCallbacks: Array<(now: number) => void> = [];
  beforeEach(() => {
    frameCallbacks = [];
    vi.stubGlobal('requestAnimationFrame', (cb: (now: number) => void) => frameCallbacks.push(cb));
    vi.stubGlobal('cancelAnimationFrame', () => (frameCallbacks = []));
  });
  afterEach(() => vi.unstubAllGlobals());

  const runFrame = (now: number) => {
    const pending = frameCallbacks;
    frameCallbacks = [];
    for (const cb of pending) cb(now);
  };

  it('shows frames by elapsed time at the clip rate, and stop() waits for the frame still on its way', async () => {
    let finishFrame: () => void = () => undefined;
    const shown: number[] = [];
    const player = new CinePlayer(10, 30, (frame) => {
      shown.push(frame);
      return new Promise<void>((resolve) => (finishFrame = resolve));
    });
    vi.spyOn(performance, 'now').mockReturnValue(0);
    player.play(0);
    runFrame(250); // 2.5 frame periods at 10 fps → frame 2
    expect(shown).toEqual([2]);
    let stopped = false;
    const stopping = player.stop().then(() => (stopped = true));
    expect(player.playing).toBe(false);
    await Promise.resolve();
    expect(stopped).toBe(false); // frame 2 is still loading
    finishFrame();
    await stopping;
    expect(stopped).toBe(true);
    runFrame(1000);
    expect(shown).toEqual([2]); // nothing after the stop
  });

  it('stop() resolves at once when no frame is on its way, even if the last one failed', async () => {
    const player = new CinePlayer(10, 30, () => Promise.reject(new Error('decode failed')));
    vi.spyOn(performance, 'now').mockReturnValue(0);
    player.play(0);
    runFrame(150);
    await expect(player.stop()).resolves.toBeUndefined();
  });
});
