// The tracking link as a QR code, made here (lean-qr), never fetched: the module matrix, its SVG
// file, and the pixels of its PNG. Pure, so the tests can decode what it draws.
import { toSvgSource } from 'lean-qr/extras/svg';
import { correction, generate, type Bitmap2D } from 'lean-qr/nano';

/** The white margin scanners need around the code, in modules (the standard's minimum). */
export const QUIET_ZONE = 4;
export type QrMatrix = Pick<Bitmap2D, 'size' | 'get'>;

/** Medium error correction: still reads from a slightly smudged screen or print. */
const CORRECTION = correction.M;

/**
 * The most a code can hold at that level: the largest code (version 40) in byte mode, the only mode
 * lean-qr's nano encoder uses, takes 2,331 bytes by the standard; lean-qr keeps one for itself. The
 * unit test holds this to what lean-qr really does.
 */
export const QR_MAX_BYTES = 2330;

export const QR_TOO_LONG = 'This link is too long for a QR code; copy the link instead.';

/** Whether `text` (as UTF-8) fits a QR code `qrMatrix` can make; a longer one makes it throw. */
export const fitsQrCode = (text: string): boolean => new TextEncoder().encode(text).length <= QR_MAX_BYTES;

/** The code for `text`; throws for text that does not fit (check `fitsQrCode` first). */
export const qrMatrix = (text: string): QrMatrix => generate(text, { minCorrectionLevel: CORRECTION });

/** Modules across, quiet zone included. */
export const qrSide = (code: QrMatrix) => code.size + 2 * QUIET_ZONE;

/** A standalone SVG file: black modules on white, `scale` pixels per module. */
export const qrSvg = (code: QrMatrix, scale = 8) =>
  toSvgSource(code, { on: 'black', off: 'white', pad: QUIET_ZONE, scale, xmlDeclaration: true });

/** RGBA pixels (black on opaque white), `scale` pixels per module, for ImageData and a PNG. */
export function qrPixels(code: QrMatrix, scale: number): { width: number; data: Uint8ClampedArray<ArrayBuffer> } {
  const width = qrSide(code) * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (let y = 0; y < width; y++) {
    for (let x = 0; x < width; x++) {
      if (!code.get(Math.floor(x / scale) - QUIET_ZONE, Math.floor(y / scale) - QUIET_ZONE)) continue;
      const at = (y * width + x) * 4;
      data[at] = data[at + 1] = data[at + 2] = 0;
    }
  }
  return { width, data };
}

/** Pixels per module for a PNG of at least 512 pixels across. */
export const pngScale = (code: QrMatrix) => Math.max(4, Math.ceil(512 / qrSide(code)));
