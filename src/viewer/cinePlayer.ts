/**
 * Plays a multi-frame clip at its own rate. The frame shown is derived from elapsed time, not
 * from counting ticks, so a slow paint drops frames instead of slowing the clip down.
 */
export class CinePlayer {
  private handle = 0;
  private startTime = 0;
  private startFrame = 0;
  private lastFrame = -1;
  private painting = false;
  /** The frame being shown now (a request sent just before a stop may still be on its way). */
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly framesPerSecond: number,
    private readonly frameCount: number,
    private readonly showFrame: (frame: number) => Promise<void>,
  ) {}

  get playing(): boolean {
    return this.handle !== 0;
  }

  play(fromFrame: number): void {
    if (this.playing || this.frameCount < 2) return;
    this.startFrame = fromFrame;
    this.lastFrame = fromFrame;
    this.startTime = performance.now();
    const tick = (now: number) => {
      this.handle = requestAnimationFrame(tick);
      const elapsedFrames = Math.floor(((now - this.startTime) * this.framesPerSecond) / 1000);
      const frame = (this.startFrame + elapsedFrames) % this.frameCount;
      if (frame === this.lastFrame || this.painting) return;
      this.lastFrame = frame;
      this.painting = true;
      this.inFlight = this.showFrame(frame)
        .catch(() => undefined)
        .finally(() => (this.painting = false));
    };
    this.handle = requestAnimationFrame(tick);
  }

  /** Stops asking for frames; resolves once the last frame asked for is on screen: the clip has stopped. */
  stop(): Promise<void> {
    if (this.handle) cancelAnimationFrame(this.handle);
    this.handle = 0;
    return this.inFlight;
  }
}
