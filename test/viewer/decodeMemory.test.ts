import { describe, expect, it } from 'vitest';
import { decodesOnMainThread } from '../../src/viewer/mainThreadDecode';
import { baseFileImageId, nativePixelBytes, releasablePixelKey } from '../../src/viewer/filePixelRelease';
import { makeDicom } from '../helpers/makeDicom';
import { frameIndexOf, isJpegColorFrame, joinFragments } from '../../src/viewer/jpegColorFrame';
import { fillRgba, slimColorImage, type ColorImageLike } from '../../src/viewer/colorImageCanvas';

describe('which frames skip the decode workers (their copies stay resident until each worker collects garbage)', () => {
  it('native transfer syntaxes are decoded on the main thread', () => {
    for (const ts of ['1.2.840.10008.1.2', '1.2.840.10008.1.2.1', '1.2.840.10008.1.2.2']) expect(decodesOnMainThread(ts)).toBe(true);
  });
  it('compressed ones (JPEG, JPEG-LS, JPEG 2000, RLE, deflated) and unknown ones still go to the workers', () => {
    for (const ts of ['1.2.840.10008.1.2.4.50', '1.2.840.10008.1.2.4.80', '1.2.840.10008.1.2.4.90', '1.2.840.10008.1.2.5', '1.2.840.10008.1.2.1.99', undefined, 42]) {
      expect(decodesOnMainThread(ts)).toBe(false);
    }
  });
});

describe('releasing a decoded file’s encoded pixels from the loader’s metadata', () => {
  const pixels = [new ArrayBuffer(8)];
  const explicitLE = '1.2.840.10008.1.2.1';
  it('releases the pixel data of a single-frame native little-endian instance (NumberOfFrames absent, 1 or "1")', () => {
    expect(releasablePixelKey({ TransferSyntaxUID: explicitLE, PixelData: pixels })).toBe('PixelData');
    expect(releasablePixelKey({ TransferSyntaxUID: '1.2.840.10008.1.2', PixelData: pixels, NumberOfFrames: 1 })).toBe('PixelData');
    expect(releasablePixelKey({ TransferSyntaxUID: explicitLE, PixelData: pixels, NumberOfFrames: '1' })).toBe('PixelData');
    expect(releasablePixelKey({ TransferSyntaxUID: explicitLE, FloatPixelData: pixels })).toBe('FloatPixelData');
  });
  it('keeps a multi-frame instance’s pixels (its other frames are decoded from them), compressed or big-endian ones, and releases nothing twice', () => {
    expect(releasablePixelKey({ TransferSyntaxUID: explicitLE, PixelData: pixels, NumberOfFrames: 100 })).toBeNull();
    expect(releasablePixelKey({ TransferSyntaxUID: '1.2.840.10008.1.2.4.50', PixelData: pixels })).toBeNull();
    expect(releasablePixelKey({ TransferSyntaxUID: '1.2.840.10008.1.2.2', PixelData: pixels })).toBeNull();
    expect(releasablePixelKey({ TransferSyntaxUID: explicitLE, NumberOfFrames: 1 })).toBeNull();
    expect(releasablePixelKey({ TransferSyntaxUID: explicitLE, PixelData: [] })).toBeNull();
    expect(releasablePixelKey(undefined)).toBeNull();
  });
  it('a frame’s image id names its file', () => {
    expect(baseFileImageId('dicomfile:12?frame=3')).toBe('dicomfile:12');
    expect(baseFileImageId('dicomfile:12')).toBe('dicomfile:12');
  });
  it('the released pixels are read back from the file byte for byte (explicit and implicit VR); a file without them gives null', () => {
    const values = Uint8Array.from({ length: 2 * 4 * 4 }, (_, i) => (i * 37) % 251);
    const attributes = { Rows: 4, Columns: 4, BitsAllocated: 16, BitsStored: 16, HighBit: 15 };
    for (const transferSyntaxUid of [explicitLE, '1.2.840.10008.1.2']) {
      expect([...nativePixelBytes(makeDicom({ transferSyntaxUid, attributes, pixelData: values }), 'PixelData')!]).toEqual([...values]);
    }
    expect(nativePixelBytes(makeDicom({ attributes, pixelData: null }), 'PixelData')).toBeNull();
  });
});

describe('JPEG baseline colour frames decoded through one shared canvas', () => {
  it('are the frames the loader would decode through an <img>: JPEG baseline, 8 bits, 3 or 4 samples', () => {
    expect(isJpegColorFrame({ TransferSyntaxUID: '1.2.840.10008.1.2.4.50', BitsAllocated: 8, SamplesPerPixel: 3 })).toBe(true);
    expect(isJpegColorFrame({ TransferSyntaxUID: '1.2.840.10008.1.2.4.50', BitsAllocated: 8, SamplesPerPixel: 1 })).toBe(false);
    expect(isJpegColorFrame({ TransferSyntaxUID: '1.2.840.10008.1.2.4.51', BitsAllocated: 8, SamplesPerPixel: 3 })).toBe(false);
    expect(isJpegColorFrame({ TransferSyntaxUID: '1.2.840.10008.1.2.1', BitsAllocated: 8, SamplesPerPixel: 3 })).toBe(false);
    expect(isJpegColorFrame(undefined)).toBe(false);
  });
  it('frame numbers in image ids are 1-based, indices 0-based', () => {
    expect(frameIndexOf('dicomfile:0?frame=1')).toBe(0);
    expect(frameIndexOf('dicomfile:0?frame=100')).toBe(99);
    expect(frameIndexOf('dicomfile:0')).toBe(0);
  });
  it('a frame in fragments is joined in order; one buffer is used as it is', () => {
    const whole = new Uint8Array([1, 2, 3]);
    expect(joinFragments(whole)).toEqual(whole);
    expect([...joinFragments([new Uint8Array([1, 2]).buffer, new Uint8Array([3]), new Uint8Array([9, 4, 5]).subarray(1)])]).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('colour images drawn on one shared canvas', () => {
  it('RGB becomes RGBA with opaque alpha; RGBA is copied; any other length is left alone', () => {
    const out = new Uint8ClampedArray(8);
    expect(fillRgba([1, 2, 3, 4, 5, 6], out, 2)).toBe(true);
    expect([...out]).toEqual([1, 2, 3, 255, 4, 5, 6, 255]);
    expect(fillRgba([9, 8, 7, 6, 5, 4, 3, 2], out, 2)).toBe(true);
    expect([...out]).toEqual([9, 8, 7, 6, 5, 4, 3, 2]);
    expect(fillRgba([1, 2, 3], out, 2)).toBe(false);
    expect([...out]).toEqual([9, 8, 7, 6, 5, 4, 3, 2]);
  });
  it('drops the decoder’s separate RGBA copy and the image’s own canvas, keeps an RGBA that is the pixel data', () => {
    const ownCanvas = () => ({}) as HTMLCanvasElement;
    const rgb = new Uint8Array(3);
    const separate: ColorImageLike = { color: true, rows: 1, columns: 1, getCanvas: ownCanvas, imageFrame: { pixelData: rgb, imageData: { data: new Uint8ClampedArray(4) } } };
    slimColorImage(separate);
    expect(separate.imageFrame!.imageData).toBeUndefined();
    expect(separate.imageFrame!.pixelData).toBe(rgb);
    expect(separate.getCanvas).not.toBe(ownCanvas);
    const rgba = new Uint8ClampedArray(4);
    const same: ColorImageLike = { color: true, rows: 1, columns: 1, getCanvas: ownCanvas, imageFrame: { pixelData: rgba, imageData: { data: rgba } } };
    slimColorImage(same);
    expect(same.imageFrame!.imageData?.data).toBe(rgba);
    const grey: ColorImageLike = { color: false, rows: 1, columns: 1, getCanvas: ownCanvas, imageFrame: { pixelData: rgb, imageData: { data: new Uint8ClampedArray(4) } } };
    slimColorImage(grey);
    expect(grey.getCanvas).toBe(ownCanvas);
    expect(grey.imageFrame!.imageData).toBeDefined();
  });
});
