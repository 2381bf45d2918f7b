import fc from 'fast-check';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { QR_MAX_BYTES, QUIET_ZONE, fitsQrCode, pngScale, qrMatrix, qrPixels, qrSide, qrSvg } from './qr-image';

/** Decodes the PNG pixels back to text, as a phone's camera app would. */
function decode(text: string, scale = 4): string | undefined {
  const code = qrMatrix(text);
  const { width, data } = qrPixels(code, scale);
  return jsQR(data, width, width)?.data;
}

const LINK = 'https://trk.example-trk.com/28KL6/2CTPL/?sub1=spring';

describe('qrPixels', () => {
  it('draws a code that decodes back to the link', () => {
    expect(decode(LINK)).toBe(LINK);
  });

  it('handles long links with every sub ID filled and percent-escapes', () => {
    const long = `https://trk.example-trk.com/28KL6/2CTPL/?${[1, 2, 3, 4, 5].map((n) => `sub${n}=${'x%20y-'.repeat(30)}${n}`).join('&')}`;
    expect(long.length).toBeGreaterThan(900);
    expect(decode(long, 2)).toBe(long);
  });

  it('decodes any http(s) link', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true }), (url) => {
        expect(decode(url, 3)).toBe(url);
      }),
      { numRuns: 20 },
    );
    // Twenty encode-and-decode rounds: seconds on a busy 2-core machine. A bound on a hang, not a speed test.
  }, 30_000);

  it('is black on opaque white, with the quiet zone white', () => {
    const code = qrMatrix(LINK);
    const { width, data } = qrPixels(code, 2);
    expect(width).toBe(qrSide(code) * 2);
    expect(data.length).toBe(width * width * 4);
    expect(new Set(data.filter((_, i) => i % 4 === 3))).toEqual(new Set([255]));
    expect(new Set(data)).toEqual(new Set([0, 255]));
    const row = data.subarray(0, width * 4 * QUIET_ZONE * 2);
    expect(row.every((byte) => byte === 255)).toBe(true);
    // The finder pattern's top-left corner is the first dark module.
    const corner = (QUIET_ZONE * 2 * width + QUIET_ZONE * 2) * 4;
    expect([...data.subarray(corner, corner + 4)]).toEqual([0, 0, 0, 255]);
  });
});

const linkOf = (bytes: number) => {
  const prefix = 'https://trk.example-trk.com/28KL6/2CTPL/?sub1=';
  return prefix + 'x'.repeat(bytes - prefix.length);
};

describe('fitsQrCode', () => {
  it('says yes up to the most lean-qr can encode, and no from one byte more, where it would throw', () => {
    expect(fitsQrCode(linkOf(QR_MAX_BYTES))).toBe(true);
    expect(qrMatrix(linkOf(QR_MAX_BYTES)).size).toBe(177);
    expect(fitsQrCode(linkOf(QR_MAX_BYTES + 1))).toBe(false);
    expect(() => qrMatrix(linkOf(QR_MAX_BYTES + 1))).toThrow('lean-qr error 4');
  });

  it('counts bytes, not characters', () => {
    const half = 'é'.repeat(QR_MAX_BYTES / 2);
    expect(fitsQrCode(half)).toBe(true);
    expect(() => qrMatrix(half)).not.toThrow();
    expect(fitsQrCode(`${half}é`)).toBe(false);
    expect(() => qrMatrix(`${half}é`)).toThrow();
  });

  it('agrees with lean-qr for any length', () => {
    fc.assert(
      fc.property(fc.integer({ min: QR_MAX_BYTES - 40, max: QR_MAX_BYTES + 40 }), (bytes) => {
        const link = linkOf(bytes);
        let made = true;
        try {
          qrMatrix(link);
        } catch {
          made = false;
        }
        expect(fitsQrCode(link)).toBe(made);
      }),
      { numRuns: 10 },
    );
  });
});

describe('pngScale', () => {
  it('makes a PNG at least 512 pixels across, with at least 4 pixels per module', () => {
    for (const text of [LINK, LINK.repeat(20)]) {
      const code = qrMatrix(text);
      expect(qrSide(code) * pngScale(code)).toBeGreaterThanOrEqual(512);
      expect(pngScale(code)).toBeGreaterThanOrEqual(4);
    }
  });
});

describe('qrSvg', () => {
  it('is a standalone SVG file with a white background and the modules as one path', () => {
    const code = qrMatrix(LINK);
    const svg = qrSvg(code);
    expect(svg).toMatch(/^<\?xml version="1\.0" encoding="UTF-8" \?><svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain(`viewBox="-${QUIET_ZONE} -${QUIET_ZONE} ${qrSide(code)} ${qrSide(code)}"`);
    expect(svg).toContain('fill="white"');
    expect(svg).toMatch(/<path d="M[^"]+" fill="black"><\/path><\/svg>$/);
  });
});
