import { describe, expect, it } from 'vitest';
import { firstPart } from '../../src/pacs/multipart';

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
