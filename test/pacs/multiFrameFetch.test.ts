import { describe, expect, it } from 'vitest';
import { MultiFrameFetch, type FetchMultipart } from '../../src/pacs/multiFrameFetch';

const enc = (s: string) => new TextEncoder().encode(s);
const URL_PREFIX = 'http://pacs/dicom-web/studies/1/series/2/instances/3/frames/';
const frameBytes = (n: number) => new Uint8Array([0xff, 0xd8, n, 0xff, 0xd9]);

/** A server answering frame lists as Orthanc does: one part per frame, Content-Location, in the order asked. */
function server(options: { fail?: boolean; drop?: number } = {}) {
  const asked: string[] = [];
  const fetchMultipart: FetchMultipart = async (url) => {
    asked.push(url);
    if (options.fail) return null;
    const frames = url.slice(URL_PREFIX.length).split(',').map(Number).filter((n) => n !== options.drop);
    const chunks = frames.map((n) => [enc(`--bnd\r\nContent-Location: ${URL_PREFIX}${n}\r\nContent-Type: image/jpeg; transfer-syntax=1.2.840.10008.1.2.4.50\r\n\r\n`), frameBytes(n), enc('\r\n')]).flat();
    chunks.push(enc('--bnd--\r\n'));
    const body = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      body.set(c, at);
      at += c.length;
    }
    return { body, type: 'multipart/related; type="image/jpeg"; boundary=bnd' };
  };
  return { asked, fetchMultipart };
}

describe('MultiFrameFetch (a multi-frame instance from a DICOMweb server)', () => {
  it('fetches the first frame asked for alone, then every other frame in one frame-list request, each with its own bytes', async () => {
    const s = server();
    const clip = new MultiFrameFetch(URL_PREFIX, 5, s.fetchMultipart);
    expect(clip.take(1)).toBeNull(); // the first image: alone, not waiting for the clip
    const frames = [4, 2, 5, 3].map((n) => [n, clip.take(n)] as const);
    expect(s.asked).toEqual([`${URL_PREFIX}2,3,4,5`]);
    for (const [n, got] of frames) {
      const frame = await got!;
      expect([...frame!.bytes]).toEqual([...frameBytes(n)]);
      expect(frame!.transferSyntax).toBe('1.2.840.10008.1.2.4.50');
    }
    expect(s.asked).toHaveLength(1);
  });

  it('leaves the opening frame (fetched elsewhere) out of the lists, and can ask for the others before the viewer does', async () => {
    const s = server();
    const clip = new MultiFrameFetch(URL_PREFIX, 4, s.fetchMultipart);
    clip.fetchedAlone(3);
    clip.requestOthers();
    clip.requestOthers();
    expect(s.asked).toEqual([`${URL_PREFIX}1,2,4`]);
    expect(clip.take(3)).toBeNull();
    expect([...(await clip.take(4))!.bytes]).toEqual([...frameBytes(4)]);
  });

  it('hands a frame over once: asked for again (dropped from the cache), it is fetched alone', async () => {
    const clip = new MultiFrameFetch(URL_PREFIX, 3, server().fetchMultipart);
    clip.take(1);
    expect(await clip.take(2)).not.toBeNull();
    expect(clip.take(2)).toBeNull();
  });

  it('a frame missing from the answer, or a failed answer, comes back null (the loader then fetches it alone)', async () => {
    const partial = new MultiFrameFetch(URL_PREFIX, 4, server({ drop: 3 }).fetchMultipart);
    partial.take(1);
    expect(await partial.take(3)).toBeNull();
    expect(await partial.take(2)).not.toBeNull();
    const failed = new MultiFrameFetch(URL_PREFIX, 3, server({ fail: true }).fetchMultipart);
    failed.take(1);
    expect(await failed.take(2)).toBeNull();
  });

  it('asks for a long clip in lists of at most perRequest frames, one request after another', async () => {
    const s = server();
    const clip = new MultiFrameFetch(URL_PREFIX, 7, s.fetchMultipart, 3);
    clip.take(1);
    const last = clip.take(7)!;
    expect(s.asked).toEqual([`${URL_PREFIX}2,3,4`]); // the next waits for this one
    expect([...(await last)!.bytes]).toEqual([...frameBytes(7)]);
    expect(s.asked).toEqual([`${URL_PREFIX}2,3,4`, `${URL_PREFIX}5,6,7`]);
  });
});
