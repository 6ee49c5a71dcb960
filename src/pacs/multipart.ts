/**
 * WADO-RS multipart/related answers (PS3.18 8.7.3): one frame, or several frames asked for in one
 * request (`…/frames/2,3,4`). Parts are views into the answer, not copies.
 */
export interface Part {
  /** The part's Content-Type (e.g. `image/jpeg; transfer-syntax=1.2.840.10008.1.2.4.50`). */
  readonly type: string;
  /** The part's Content-Location, when the server gives one ('' otherwise). */
  readonly location: string;
  readonly bytes: Uint8Array;
}

const CR = 13;

function boundaryOf(contentType: string): string | null {
  return /boundary="?([^";]+)"?/i.exec(contentType)?.[1] ?? null;
}

/** Index of `marker` in `body` at or after `from`, or -1 (first byte found natively, then compared). */
function indexOf(body: Uint8Array, marker: Uint8Array, from: number): number {
  for (let at = body.indexOf(marker[0]!, from); at >= 0 && at + marker.length <= body.length; at = body.indexOf(marker[0]!, at + 1)) {
    let k = 1;
    while (k < marker.length && body[at + k] === marker[k]) k++;
    if (k === marker.length) return at;
  }
  return -1;
}

/**
 * Every part of the answer, in order. An answer cut short (a part without its closing boundary)
 * gives the parts that are complete; null when the answer is not multipart at all.
 */
export function allParts(body: Uint8Array, contentType: string): Part[] | null {
  const boundary = boundaryOf(contentType);
  if (!boundary) return null;
  const enc = new TextEncoder();
  const opening = enc.encode(`--${boundary}`);
  const delimiter = enc.encode(`\r\n--${boundary}`);
  const headerEnd = enc.encode('\r\n\r\n');
  const parts: Part[] = [];
  let at = indexOf(body, opening, 0);
  if (at < 0) return parts;
  at += opening.length;
  for (;;) {
    // After a boundary: "--" closes the answer; otherwise the part's headers follow.
    if (body[at] === 45 && body[at + 1] === 45) return parts;
    const headStart = body[at] === CR ? at + 2 : at;
    const headStop = indexOf(body, headerEnd, headStart);
    if (headStop < 0) return parts;
    const head = new TextDecoder('latin1').decode(body.subarray(headStart, headStop));
    const start = headStop + headerEnd.length;
    const end = indexOf(body, delimiter, start);
    if (end < 0) return parts;
    parts.push({
      type: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? '',
      location: /content-location:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? '',
      bytes: body.subarray(start, end),
    });
    at = end + delimiter.length;
  }
}

/** The first part of the answer (e.g. one frame), or null when the answer is not multipart or has no end. */
export function firstPart(body: Uint8Array, contentType: string): { type: string; bytes: Uint8Array } | null {
  const part = allParts(body, contentType)?.[0];
  return part ? { type: part.type, bytes: part.bytes } : null;
}

/**
 * The frames of a frame-list answer by 1-based frame number. Each part's Content-Location names its
 * frame (`…/frames/7`) when the server gives one; otherwise the parts are taken in the order asked
 * (PS3.18: the frames are returned in the order of the list), and only if there are as many as
 * asked. A frame that cannot be attributed is left out (the caller asks for it alone).
 */
export function framesByNumber(parts: readonly Part[], asked: readonly number[]): Map<number, Part> {
  const found = new Map<number, Part>();
  const wanted = new Set(asked);
  const numbered = parts.map((p) => Number(/\/frames\/(\d+)\/?$/.exec(p.location)?.[1] ?? NaN));
  if (parts.length && numbered.every((n) => Number.isInteger(n))) {
    parts.forEach((p, i) => {
      if (wanted.has(numbered[i]!) && !found.has(numbered[i]!)) found.set(numbered[i]!, p);
    });
    return found;
  }
  if (parts.length === asked.length && parts.every((p) => !p.location)) parts.forEach((p, i) => found.set(asked[i]!, p));
  return found;
}

/**
 * The transfer syntax of a frame part: its `transfer-syntax` parameter, else what its media type
 * implies (image/jpeg: JPEG baseline), else Implicit VR Little Endian (as Cornerstone's loader).
 */
export function transferSyntaxOfPart(type: string): string {
  const param = /transfer-syntax\s*=\s*"?([\d.]+)"?/i.exec(type)?.[1];
  if (param) return param;
  if (/^\s*image\/jpeg\b/i.test(type)) return '1.2.840.10008.1.2.4.50';
  return '1.2.840.10008.1.2';
}

/**
 * The frame-list requests for the given frames: consecutive runs of at most `perRequest` frames
 * (`…/frames/2,3,4`), so a long clip does not make one very long URL.
 */
export function frameListUrls(frameUrl: string, frames: readonly number[], perRequest = 100): { url: string; frames: number[] }[] {
  const out: { url: string; frames: number[] }[] = [];
  for (let i = 0; i < frames.length; i += perRequest) {
    const chunk = frames.slice(i, i + perRequest);
    out.push({ url: `${frameUrl}${chunk.join(',')}`, frames: chunk });
  }
  return out;
}
