// Minimal typings for dcmjs 0.52 (the package ships none): only what the SR adapter uses.
// Datasets are "naturalized" (keyword → value), as dcmjs's DicomMetaDictionary produces them.
declare module 'dcmjs' {
  type Dataset = Record<string, unknown>;
  interface DicomDict {
    dict: Dataset;
    meta: Dataset;
    write(options?: { allowInvalidVRLength?: boolean; fragmentMultiframe?: boolean }): ArrayBuffer;
  }
  interface Logger {
    getLevel(): number;
    setLevel(level: number | 'silent', persist?: boolean): void;
  }
  const dcmjs: {
    log: { getLogger(name: string): Logger };
    data: {
      DicomDict: new (meta: Dataset) => DicomDict;
      DicomMessage: { readFile(buffer: ArrayBuffer, options?: { ignoreErrors?: boolean }): { meta: Dataset; dict: Dataset } };
      DicomMetaDictionary: {
        naturalizeDataset(dataset: Dataset): Dataset;
        denaturalizeDataset(dataset: Dataset): Dataset;
      };
    };
  };
  export default dcmjs;
}
