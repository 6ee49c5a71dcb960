// Minimal typings for pako 2.x (the package ships none; only what src/dicom uses).
// Remove this file if @types/pako is ever added.
declare module 'pako' {
  export interface InflateOptions {
    raw?: boolean;
    windowBits?: number;
    chunkSize?: number;
  }
  export class Inflate {
    constructor(options?: InflateOptions);
    push(data: Uint8Array | ArrayBuffer, flushMode?: boolean | number): boolean;
    readonly err: number;
    readonly msg: string;
    readonly ended: boolean;
    readonly result: Uint8Array | undefined;
  }
  export function inflateRaw(data: Uint8Array | ArrayBuffer, options?: InflateOptions): Uint8Array;
  export function deflateRaw(data: Uint8Array | ArrayBuffer, options?: { level?: number }): Uint8Array;
  const pako: {
    Inflate: typeof Inflate;
    inflateRaw: typeof inflateRaw;
    deflateRaw: typeof deflateRaw;
  };
  export default pako;
}
