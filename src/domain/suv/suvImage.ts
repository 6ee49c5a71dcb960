/** One PET slice in SUVbw (g/ml), row-major, with its pixel spacing. */
export interface SuvImage {
  readonly rows: number;
  readonly columns: number;
  /** PixelSpacing (0028,0030): distance between rows (y) then between columns (x), mm. */
  readonly rowSpacingMm: number;
  readonly columnSpacingMm: number;
  readonly suv: ArrayLike<number>;
}

/** Stored pixel values → SUVbw with the slice's rescale and factor. */
export function suvImageFromStored(
  stored: ArrayLike<number>,
  shape: { rows: number; columns: number; rowSpacingMm: number; columnSpacingMm: number },
  rescale: { slope: number | null; intercept: number | null },
  factor: number,
): SuvImage {
  const slope = rescale.slope ?? 1;
  const intercept = rescale.intercept ?? 0;
  const suv = new Float64Array(stored.length);
  for (let i = 0; i < stored.length; i++) suv[i] = (stored[i]! * slope + intercept) * factor;
  return { ...shape, suv };
}

/** Calls visit(row, column) for every pixel whose centre lies inside the closed polygon (even-odd rule). */
export function forEachPixelInside(polygon: readonly { x: number; y: number }[], rows: number, columns: number, visit: (row: number, column: number) => void): void {
  const n = polygon.length;
  if (n < 3) return;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const p of polygon) [minY, maxY] = [Math.min(minY, p.y), Math.max(maxY, p.y)];
  const crossings: number[] = [];
  for (let row = Math.max(0, Math.ceil(minY)); row <= Math.min(rows - 1, Math.floor(maxY)); row++) {
    crossings.length = 0;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const a = polygon[i]!;
      const b = polygon[j]!;
      if (a.y > row !== b.y > row) crossings.push(a.x + ((row - a.y) * (b.x - a.x)) / (b.y - a.y));
    }
    crossings.sort((p, q) => p - q);
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      for (let col = Math.max(0, Math.ceil(crossings[k]!)); col <= Math.min(columns - 1, Math.floor(crossings[k + 1]!)); col++) visit(row, col);
    }
  }
}

/** The SUV of the pixel whose centre is nearest an image point (pixel centres at integers); null outside the image. */
export function suvAtPoint(image: SuvImage, x: number, y: number): { column: number; row: number; suv: number } | null {
  const column = Math.round(x);
  const row = Math.round(y);
  if (!(column >= 0 && column < image.columns && row >= 0 && row < image.rows)) return null;
  return { column, row, suv: image.suv[row * image.columns + column]! };
}
