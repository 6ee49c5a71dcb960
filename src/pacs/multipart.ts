/**
 * The first part of a WADO-RS multipart/related answer (PS3.18 8.7.3), e.g. one frame: its content
 * type and its bytes (a view, not a copy). Null when the answer is not multipart or has no end.
 */
export function firstPart(body: Uint8Array, contentType: string): { type: string; bytes: Uint8Array } | null {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) return null;
  const head = new TextDecoder('latin1').decode(body.subarray(0, Math.min(body.length, 4096)));
  const headerEnd = head.indexOf('\r\n\r\n');
  if (headerEnd < 0) return null;
  const type = /content-type:\s*([^\r\n]+)/i.exec(head.slice(0, headerEnd))?.[1] ?? '';
  const start = headerEnd + 4;
  // The part ends at the next boundary: searched from the start of the part's bytes.
  const marker = new TextEncoder().encode(`\r\n--${boundary}`);
  outer: for (let end = start; end + marker.length <= body.length; end++) {
    for (let k = 0; k < marker.length; k++) if (body[end + k] !== marker[k]) continue outer;
    return { type, bytes: body.subarray(start, end) };
  }
  return null;
}

