/**
 * Settles once the first look of the files being opened is on screen, or was not possible.
 * The viewport waits for it before loading the imaging stack's code, whose parsing would
 * otherwise hold the main thread while the preview is being decoded and drawn.
 */
let gate: Promise<void> = Promise.resolve();

export function setFirstLookGate(done: Promise<unknown>): void {
  gate = done.then(
    () => undefined,
    () => undefined,
  );
}

export function firstLookSettled(): Promise<void> {
  return gate;
}
