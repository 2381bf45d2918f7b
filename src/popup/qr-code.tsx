/** @jsxImportSource preact */
// The tracking link's QR code with PNG and SVG downloads. Loaded on demand (import() from
// result-panel.tsx), so the QR encoder is not in the popup's first load. Everything is drawn here:
// no request leaves the page.
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { QR_TOO_LONG, fitsQrCode, pngScale, qrMatrix, qrPixels, qrSide, qrSvg, type QrMatrix } from './qr-image';

const QR_FILE = 'tracking-link-qr';

function save(blob: Blob | null, extension: 'png' | 'svg') {
  if (!blob) return;
  const href = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.download = `${QR_FILE}.${extension}`;
  anchor.click();
  // Late enough for the download to have read it; the popup closing frees it anyway.
  setTimeout(() => URL.revokeObjectURL(href), 30_000);
}

function savePng(code: QrMatrix) {
  const { width, data } = qrPixels(code, pngScale(code));
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = width;
  canvas.getContext('2d')?.putImageData(new ImageData(data, width, width), 0, 0);
  canvas.toBlob((blob) => save(blob, 'png'), 'image/png');
}

/**
 * How wide the code is drawn, at most. The popup may be at most 600 px tall (Chrome's and Firefox's
 * limit): with the form and the link above it, a code beside its buttons fits at this size, and a
 * phone still reads it from the screen (3 px per module for a short link, never under 2).
 */
export const QR_MAX_PX = 128;

// Styled here rather than in popup.css, which counts toward the popup's first load.
export function QrCode({ url }: { url: string }) {
  // A link longer than a QR code can hold is said so in its place (the encoder would throw).
  if (!fitsQrCode(url)) return <p class="result-warning qr">{QR_TOO_LONG}</p>;
  return <FittingQrCode url={url} />;
}

function FittingQrCode({ url }: { url: string }) {
  const code = useMemo(() => qrMatrix(url), [url]);
  const svg = useMemo(() => qrSvg(code), [code]);
  // Should the popup be short of room (More options open), bring the code and its buttons into view.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  // Whole pixels per module keep the edges sharp on screen.
  const side = qrSide(code);
  const px = side * Math.max(2, Math.floor(QR_MAX_PX / side));
  return (
    <div class="qr" ref={box} style={{ display: 'flex', gap: 12, alignItems: 'flex-start', marginTop: 8 }}>
      <img
        src={`data:image/svg+xml,${encodeURIComponent(svg)}`}
        width={px}
        height={px}
        alt="QR code for the tracking link"
        style={{ display: 'block', flex: 'none' }}
      />
      <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
        <button type="button" onClick={() => savePng(code)}>
          Download PNG
        </button>
        <button type="button" onClick={() => save(new Blob([svg], { type: 'image/svg+xml' }), 'svg')}>
          Download SVG
        </button>
      </div>
    </div>
  );
}
