/**
 * The frames of one multi-frame instance on a DICOMweb server, fetched with as few requests as
 * possible: the first frame asked for alone (the first image does not wait for the clip), all the
 * others in frame-list requests (`…/frames/2,3,…`, at most 100 a request, one after another).
 * Orthanc's DICOMweb 1.7 reads the whole stored instance for every request, so one request per
 * frame costs one such read per frame. No Cornerstone: the viewer decodes what this returns
 * (src/viewer/wadors.ts).
 */
import { allParts, frameListUrls, framesByNumber, transferSyntaxOfPart } from './multipart';

/** One frame's bytes as the server sent them. */
export interface FrameBytes {
  readonly transferSyntax: string;
  /** The part's Content-Type. */
  readonly type: string;
  readonly bytes: Uint8Array;
}

/** GET with the frame request's headers: the answer's bytes and Content-Type, or null if it failed. */
export type FetchMultipart = (url: string) => Promise<{ body: Uint8Array; type: string } | null>;

export class MultiFrameFetch {
  /** The first frame asked for: fetched alone, not part of the lists. */
  private first: number | null = null;
  /** Frame number → the list request bringing it; taken out once handed over. */
  private readonly pending = new Map<number, Promise<FrameBytes | null>>();
  private listed = false;

  constructor(
    private readonly frameUrl: string,
    private readonly numberOfFrames: number,
    private readonly fetchMultipart: FetchMultipart,
    private readonly perRequest = 100,
  ) {}

  /** This frame is (being) fetched elsewhere, alone (the opening frame): leave it out of the lists. */
  fetchedAlone(frame: number): void {
    this.first ??= frame;
  }

  /**
   * What the loader should use for this frame: the list request bringing it (null inside if the
   * answer lacks it), or null when it is to be fetched alone — the first frame asked for, and any
   * frame asked for again after it was handed over once (e.g. dropped from the image cache).
   */
  take(frame: number): Promise<FrameBytes | null> | null {
    if (this.first === null) {
      this.first = frame;
      return null;
    }
    if (frame === this.first) return null;
    this.requestOthers();
    const pending = this.pending.get(frame) ?? null;
    this.pending.delete(frame);
    return pending;
  }

  /** Asks for every frame but the first in frame-list requests (once). */
  requestOthers(): void {
    if (this.listed) return;
    this.listed = true;
    const frames = Array.from({ length: this.numberOfFrames }, (_, i) => i + 1).filter((f) => f !== this.first);
    let previous: Promise<unknown> | null = null;
    for (const list of frameListUrls(this.frameUrl, frames, this.perRequest)) {
      const send = () => this.fetchMultipart(list.url);
      // The first list leaves now; each next one once the one before has been answered.
      const answer: Promise<Map<number, FrameBytes>> = (previous ? previous.then(send) : send())
        .then((got) => {
          const parts = got ? allParts(got.body, got.type) : null;
          const byNumber = parts ? framesByNumber(parts, list.frames) : new Map<number, never>();
          // Copied out of the answer: a decode worker is sent its frame, not the whole answer.
          return new Map<number, FrameBytes>([...byNumber].map(([n, p]) => [n, { transferSyntax: transferSyntaxOfPart(p.type), type: p.type, bytes: p.bytes.slice() }]));
        })
        .catch(() => new Map<number, FrameBytes>()); // each frame is then fetched alone
      previous = answer;
      for (const f of list.frames) this.pending.set(f, answer.then((m) => m.get(f) ?? null));
    }
  }
}
