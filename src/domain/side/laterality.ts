import type { Side } from '../types';

/** Laterality attributes as read from the file (any may be absent). */
export interface LateralityTags {
  /** ImageLaterality (0020,0062): this image. */
  readonly imageLaterality?: string | undefined;
  /** Laterality (0020,0060): the whole series. */
  readonly laterality?: string | undefined;
  /** FrameLaterality (0020,9072): per-frame functional group. */
  readonly frameLaterality?: string | undefined;
}

export interface LateralitySide {
  readonly side: Side;
  readonly source: 'ImageLaterality' | 'Laterality' | 'FrameLaterality';
}

/**
 * Side stated by the file. Priority ImageLaterality > Laterality > FrameLaterality
 * (the most image-specific header the scanners we see fill in reliably wins).
 * Only 'L' and 'R' are sides (values trimmed and upper-cased).
 * 'U' (unpaired), blank or unknown values say nothing, so the next attribute is read.
 * 'B' (both) says the image spans both sides: no single side applies, so the search
 * STOPS with null instead of taking a lower-priority attribute that contradicts it.
 */
export function sideFromLaterality(tags: LateralityTags): LateralitySide | null {
  const ordered: ReadonlyArray<[LateralitySide['source'], string | undefined]> = [
    ['ImageLaterality', tags.imageLaterality],
    ['Laterality', tags.laterality],
    ['FrameLaterality', tags.frameLaterality],
  ];
  for (const [source, raw] of ordered) {
    const value = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
    if (value === 'L' || value === 'R') return { side: value, source };
    if (value === 'B') return null;
  }
  return null;
}
