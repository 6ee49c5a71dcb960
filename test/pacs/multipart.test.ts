import { describe, expect, it } from 'vitest';
import { allParts, firstPart, frameListUrls, framesByNumber, transferSyntaxOfPart } from '../../src/pacs/multipart';

const enc = (s: string) => new TextEncoder().encode(s);
function multipart(boundary: string, type: string, body: Uint8Array, closing = true): Uint8Array {
  const head = enc(`--${boundary}\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = enc(closing ? `\r\n--${boundary}--\r\n` : '');
  const out = new Uint8Array(head.length + body.length + tail.length);
  out.set(head);
  out.set(body, head.length);
  out.set(tail, head.length + body.length);
  return out;
}

describe('firstPart (a WADO-RS frame answer)', () => {
  it('returns exactly the frame bytes and the part type, even when the bytes contain CR LF and dashes', () => {
    const frame = new Uint8Array([0xff, 0xd8, 13, 10, 45, 45, 0, 1, 2, 0xff, 0xd9]);
    const body = multipart('abc123', 'image/jpeg; transfer-syntax=1.2.840.10008.1.2.4.50', frame);
    const part = firstPart(body, 'multipart/related; type="image/jpeg"; boundary=abc123');
    expect(part?.type).toBe('image/jpeg; transfer-syntax=1.2.840.10008.1.2.4.50');
    expect([...part!.bytes]).toEqual([...frame]);
  });
  it('reads a quoted boundary', () => {
    const body = multipart('q-b', 'application/octet-stream', new Uint8Array([1, 2, 3]));
    expect([...firstPart(body, 'multipart/related; boundary="q-b"')!.bytes]).toEqual([1, 2, 3]);
  });
  it('refuses an answer without a boundary or without the closing delimiter (nothing half-read is shown)', () => {
    const body = multipart('x', 'application/octet-stream', new Uint8Array([1, 2, 3]), false);
    expect(firstPart(body, 'multipart/related; boundary=x')).toBeNull();
    expect(firstPart(body, 'application/octet-stream')).toBeNull();
  });
});

/** A frame-list answer: one part per frame, each with its Content-Location when `locations`. */
function frameList(boundary: string, frames: readonly { n: number; bytes: Uint8Array }[], locations = true): Uint8Array {
  const chunks: Uint8Array[] = [];
  for (const f of frames) {
    const location = locations ? `Content-Location: http://pacs/dicom-web/studies/1/series/2/instances/3/frames/${f.n}\r\n` : '';
    chunks.push(enc(`--${boundary}\r\n${location}Content-Type: image/jpeg; transfer-syntax=1.2.840.10008.1.2.4.50\r\n\r\n`), f.bytes, enc('\r\n'));
  }
  chunks.push(enc(`--${boundary}--\r\n`));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

describe('allParts and framesByNumber (several frames of a multi-frame instance in one request)', () => {
  // Frame bytes that look like the multipart syntax around them: CR LF, dashes, the boundary's start.
  const frames = [2, 3, 4].map((n) => ({ n, bytes: new Uint8Array([0xff, 0xd8, n, 13, 10, 45, 45, 102, 114, 0xff, 0xd9]) }));

  it('cuts every part out, in order, each exactly its frame bytes with its type and location', () => {
    const parts = allParts(frameList('frame-boundary', frames), 'multipart/related; type="image/jpeg"; boundary=frame-boundary')!;
    expect(parts.map((p) => [...p.bytes])).toEqual(frames.map((f) => [...f.bytes]));
    expect(parts[1]!.location).toMatch(/\/frames\/3$/);
    expect(parts[0]!.type).toBe('image/jpeg; transfer-syntax=1.2.840.10008.1.2.4.50');
  });

  it('numbers frames by their Content-Location, whatever order the server sent them in', () => {
    const shuffled = [frames[2]!, frames[0]!, frames[1]!];
    const parts = allParts(frameList('frame-boundary', shuffled), 'multipart/related; boundary=frame-boundary')!;
    const byNumber = framesByNumber(parts, [2, 3, 4]);
    for (const f of frames) expect([...byNumber.get(f.n)!.bytes]).toEqual([...f.bytes]);
  });

  it('without locations, takes the parts in the order asked only when there are as many as asked', () => {
    const parts = allParts(frameList('frame-boundary', frames, false), 'multipart/related; boundary=frame-boundary')!;
    expect([...framesByNumber(parts, [2, 3, 4]).get(4)!.bytes]).toEqual([...frames[2]!.bytes]);
    // One part short: no frame can be attributed safely, so none is (each is then fetched alone).
    expect(framesByNumber(parts.slice(0, 2), [2, 3, 4]).size).toBe(0);
  });

  it('leaves out a frame that was not asked for and keeps the complete parts of a cut-short answer', () => {
    const body = frameList('frame-boundary', frames);
    const parts = allParts(body, 'multipart/related; boundary=frame-boundary')!;
    expect(framesByNumber(parts, [2, 4]).has(3)).toBe(false);
    const cut = allParts(body.subarray(0, body.length - 30), 'multipart/related; boundary=frame-boundary')!;
    expect(cut.length).toBe(2);
  });
});

describe('transferSyntaxOfPart', () => {
  it('reads the transfer-syntax parameter, else what the media type implies, else Implicit VR Little Endian', () => {
    expect(transferSyntaxOfPart('application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1')).toBe('1.2.840.10008.1.2.1');
    expect(transferSyntaxOfPart('image/jpeg')).toBe('1.2.840.10008.1.2.4.50');
    expect(transferSyntaxOfPart('application/octet-stream')).toBe('1.2.840.10008.1.2');
  });
});

describe('frameListUrls', () => {
  it('asks for at most 100 frames a request, in the order given', () => {
    const frames = Array.from({ length: 250 }, (_, i) => i + 2);
    const lists = frameListUrls('http://pacs/i/frames/', frames);
    expect(lists.map((l) => l.frames.length)).toEqual([100, 100, 50]);
    expect(lists[0]!.url).toBe(`http://pacs/i/frames/${frames.slice(0, 100).join(',')}`);
    expect(lists.flatMap((l) => l.frames)).toEqual(frames);
  });
});
