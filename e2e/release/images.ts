// What the stores ask of each picture, and the checks of it: the release script and the release
// spec read the same list, so a picture of the wrong size fails both.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

/** The pictures' sources and the store pictures drawn from them (`npm run artwork`). */
export const ART = fileURLToPath(new URL('art/', import.meta.url));

export interface PngFacts {
  width: number;
  height: number;
  /** Rows and columns at the edge that are fully transparent, the smallest of the four sides. */
  transparentMargin: number;
}

/** How many of `indices`, from the first, pass `clear`. */
function leading(clear: (i: number) => boolean, indices: number[]): number {
  let n = 0;
  while (n < indices.length && clear(indices[n]!)) n++;
  return n;
}

export function pngFacts(path: string): PngFacts {
  const png = PNG.sync.read(readFileSync(path));
  const alpha = (x: number, y: number) => png.data[(y * png.width + x) * 4 + 3]!;
  const clearRow = (y: number) => Array.from({ length: png.width }, (_, x) => alpha(x, y)).every((a) => a === 0);
  const clearColumn = (x: number) => Array.from({ length: png.height }, (_, y) => alpha(x, y)).every((a) => a === 0);
  const rows = [...Array(png.height).keys()];
  const columns = [...Array(png.width).keys()];
  const transparentMargin = Math.min(
    leading(clearRow, rows),
    leading(clearRow, rows.toReversed()),
    leading(clearColumn, columns),
    leading(clearColumn, columns.toReversed()),
  );
  return { width: png.width, height: png.height, transparentMargin };
}

/** The toolbar and add-on manager icons, drawn to the edge (public/icons/icon-<size>.png). */
export const EDGE_TO_EDGE_ICON_SIZES = [16, 32, 48, 96] as const;
/** The Chrome Web Store's rule for the 128 px icon: 96 px of artwork inside 16 px of transparent padding. */
export const STORE_ICON = { size: 128, artwork: 96, padding: 16 } as const;

/** Every picture in release/store/ with the size its store takes (Chrome Web Store, Edge Add-ons, AMO). */
export const STORE_IMAGES = {
  'icon-128.png': { width: 128, height: 128 },
  'logo-300.png': { width: 300, height: 300 },
  'promo-tile-440x280.png': { width: 440, height: 280 },
} as const;

/** Screenshots: 1280×800, the size all three stores take. */
export const SCREENSHOT = { width: 1280, height: 800 } as const;

/** Sentences for every picture whose size is not `expected`; none when all fit. */
export function sizeProblems(files: Record<string, { width: number; height: number }>, dir: string): string[] {
  return Object.entries(files).flatMap(([name, expected]) => {
    const { width, height } = pngFacts(`${dir}/${name}`);
    return width === expected.width && height === expected.height
      ? []
      : [`${name} is ${width}×${height}; the stores take ${expected.width}×${expected.height}.`];
  });
}
