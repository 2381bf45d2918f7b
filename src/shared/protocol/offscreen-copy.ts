// Background → offscreen document (Chrome and Edge only): the only message that document answers.
// Its own module, so the Firefox build, which has no offscreen document, carries none of it; checked
// by hand, so the offscreen page loads no schema library.

export interface OffscreenCopy {
  target: 'offscreen';
  type: 'copy';
  text: string;
}

export function isOffscreenCopy(message: unknown): message is OffscreenCopy {
  if (typeof message !== 'object' || message === null) return false;
  const { target, type, text } = message as Record<string, unknown>;
  return target === 'offscreen' && type === 'copy' && typeof text === 'string';
}
