/**
 * The text of a PDF printed by Chromium (Skia's PDF backend), without external tools: CI has no
 * poppler. Enough of PDF for that one producer: objects with direct /Length streams (Flate or
 * plain), Type0 fonts with Identity-H encoding and a ToUnicode CMap, and text shown with hex strings
 * by Tj / TJ inside BT…ET. A new text matrix on another baseline starts a new line.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  readonly dict: string;
  readonly stream: Buffer | null;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const src = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = header.exec(src))) {
    const start = header.lastIndex;
    const endobj = src.indexOf('endobj', start);
    const streamAt = src.indexOf('stream', start);
    if (streamAt === -1 || (endobj !== -1 && endobj < streamAt)) {
      objects.set(Number(m[1]), { dict: src.slice(start, endobj === -1 ? undefined : endobj), stream: null });
      continue;
    }
    const dict = src.slice(start, streamAt);
    let dataStart = streamAt + 'stream'.length;
    if (src[dataStart] === '\r') dataStart++;
    if (src[dataStart] === '\n') dataStart++;
    const length = /\/Length (\d+)(?!\s+\d+\s+R)/.exec(dict);
    const dataEnd = length ? dataStart + Number(length[1]) : src.indexOf('endstream', dataStart);
    let data = pdf.subarray(dataStart, dataEnd);
    if (/\/Filter\s*\/FlateDecode/.test(dict)) data = inflateSync(data);
    else if (/\/Filter/.test(dict)) data = Buffer.alloc(0); // images: not text
    objects.set(Number(m[1]), { dict, stream: data });
    header.lastIndex = src.indexOf('endobj', dataEnd) + 'endobj'.length;
  }
  return objects;
}

const hexToInt = (hex: string) => parseInt(hex, 16);
const utf16 = (hex: string) => {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(hexToInt(hex.slice(i, i + 4)));
  return String.fromCharCode(...units);
};

/** glyph code → text, from a ToUnicode CMap (bfchar and both bfrange forms). */
function readCMap(text: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, dst] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(hexToInt(code!), utf16(dst!));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst, list] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])/g)) {
      const from = hexToInt(lo!);
      const to = hexToInt(hi!);
      if (dst !== undefined) {
        const base = hexToInt(dst);
        for (let c = from; c <= to; c++) map.set(c, String.fromCharCode(base + (c - from)));
      } else {
        const items = [...list!.matchAll(/<([0-9A-Fa-f]+)>/g)].map((x) => utf16(x[1]!));
        for (let c = from; c <= to && c - from < items.length; c++) map.set(c, items[c - from]!);
      }
    }
  }
  return map;
}

function decode(hex: string, cmap: Map<number, string> | undefined): string {
  const clean = hex.replace(/\s+/g, '');
  let out = '';
  for (let i = 0; i + 4 <= clean.length; i += 4) out += cmap?.get(hexToInt(clean.slice(i, i + 4))) ?? '';
  return out;
}

function ref(dict: string, key: string): number | null {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
}

/** The text of every page, in page order, one line per baseline. */
export function pdfText(pdf: Buffer): string {
  const objects = readObjects(pdf);
  const cmaps = new Map<number, Map<number, string>>();
  const cmapOfFont = (fontObj: number): Map<number, string> | undefined => {
    if (!cmaps.has(fontObj)) {
      const font = objects.get(fontObj);
      const toUnicode = font ? ref(font.dict, 'ToUnicode') : null;
      const stream = toUnicode !== null ? objects.get(toUnicode)?.stream : null;
      cmaps.set(fontObj, stream ? readCMap(stream.toString('latin1')) : new Map());
    }
    return cmaps.get(fontObj);
  };

  const pagesRoot = [...objects.values()].find((o) => /\/Type\s*\/Pages\b/.test(o.dict) && !/\/Parent/.test(o.dict));
  const pageIds: number[] = [];
  const collect = (obj: PdfObject | undefined) => {
    const kids = obj && /\/Kids\s*\[([^\]]*)\]/.exec(obj.dict);
    for (const [, id] of kids ? kids[1]!.matchAll(/(\d+) 0 R/g) : []) {
      const kid = objects.get(Number(id));
      if (kid && /\/Type\s*\/Pages\b/.test(kid.dict)) collect(kid);
      else pageIds.push(Number(id));
    }
  };
  collect(pagesRoot);

  const pages: string[] = [];
  for (const id of pageIds) {
    const page = objects.get(id)!;
    const fonts = new Map<string, number>();
    const fontDict = /\/Font\s*<<([^>]*)>>/.exec(page.dict);
    for (const [, name, obj] of fontDict ? fontDict[1]!.matchAll(/\/(\w+)\s+(\d+) 0 R/g) : []) fonts.set(name!, Number(obj));
    const contentIds = /\/Contents\s*\[([^\]]*)\]/.exec(page.dict)?.[1]?.match(/\d+(?= 0 R)/g)?.map(Number) ?? [ref(page.dict, 'Contents')!];
    const content = contentIds.map((c) => objects.get(c)?.stream?.toString('latin1') ?? '').join('\n');

    let text = '';
    let cmap: Map<number, string> | undefined;
    let lastY: string | null = null;
    const ops = /\/(\w+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f\s]*)>\s*Tj|\[([^\]]*)\]\s*TJ|([-\d.]+)\s+([-\d.]+)\s+Tm\b/g;
    for (const op of content.matchAll(ops)) {
      if (op[1] !== undefined) cmap = fonts.has(op[1]) ? cmapOfFont(fonts.get(op[1])!) : undefined;
      else if (op[2] !== undefined) text += decode(op[2], cmap);
      else if (op[3] !== undefined) {
        for (const part of op[3].matchAll(/<([0-9A-Fa-f\s]*)>|(-?[\d.]+)/g)) {
          if (part[1] !== undefined) text += decode(part[1], cmap);
          else if (Number(part[2]) < -200) text += ' '; // a wide negative kern is a word space
        }
      } else if (op[5] !== undefined) {
        if (lastY !== null && op[5] !== lastY) text += '\n';
        lastY = op[5];
      }
    }
    pages.push(text);
  }
  // Typographic ligatures (ﬁ, ﬀ, …) back to letters; nothing else is normalized (mm² stays mm²).
  const LIGATURES: Record<string, string> = { '\uFB00': 'ff', '\uFB01': 'fi', '\uFB02': 'fl', '\uFB03': 'ffi', '\uFB04': 'ffl', '\uFB05': 'st', '\uFB06': 'st' };
  return pages.join('\n').replace(/[\uFB00-\uFB06]/g, (c) => LIGATURES[c] ?? c);
}
