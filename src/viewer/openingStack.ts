/**
 * Which image a viewport shows while its series is still being opened, and once it has been.
 * Pure (no Cornerstone, no Vue), so the rule is tested on its own.
 *
 * The first image read is shown at once, with its tools, while the rest of the series is read in
 * the background. As the series grows and re-sorts, the image on screen stays the same image (its
 * index moves). When the series is complete, the viewport settles on the image a series opens at
 * (the middle slice of a cross-sectional stack, else the first) — unless the user has interacted
 * with the viewport in the meantime: then it stays where the user is.
 */

/** Cross-sectional stacks open at the middle slice, where the anatomy of interest usually is. */
export function openingIndex(modality: string | undefined, count: number): number {
  if (count <= 0) return 0;
  return modality === 'MR' ? Math.floor(count / 2) : 0;
}

/** The index of the image on screen in the grown (re-sorted) stack; -1 when it is not in it. */
export function indexAfterGrowth(imageIds: readonly string[], shownImageId: string | null): number {
  return shownImageId === null ? -1 : imageIds.indexOf(shownImageId);
}

export type SettlePlan =
  /** Open the complete stack afresh at this index (nobody has touched the viewport). */
  | { readonly kind: 'open'; readonly index: number }
  /** Keep the image on screen (now at this index) and everything the user set. */
  | { readonly kind: 'keep'; readonly index: number };

export interface SettleInput {
  readonly imageIds: readonly string[];
  readonly modality: string | undefined;
  /** The image on screen now (null before the first one is drawn). */
  readonly shownImageId: string | null;
  /** The user has scrolled, drawn, zoomed, windowed… in this viewport since the series was shown. */
  readonly interacted: boolean;
}

/** What a viewport does when the series it shows has finished loading. */
export function settlePlan({ imageIds, modality, shownImageId, interacted }: SettleInput): SettlePlan {
  const shown = indexAfterGrowth(imageIds, shownImageId);
  if (interacted && shown >= 0) return { kind: 'keep', index: shown };
  const index = openingIndex(modality, imageIds.length);
  // Already on that image, untouched: nothing to redo.
  if (shown === index) return { kind: 'keep', index };
  return { kind: 'open', index };
}

/** Same images in the same order (the stack needs no update). */
export function sameStack(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
