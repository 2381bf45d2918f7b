// Background → offscreen document (Chrome and Edge only): the only message that document answers.
// Its own module, so the Firefox build, which has no offscreen document, carries none of it.
import * as z from 'zod/mini';

export const OffscreenCopySchema = z.object({
  target: z.literal('offscreen'),
  type: z.literal('copy'),
  text: z.string(),
});
export type OffscreenCopy = z.infer<typeof OffscreenCopySchema>;
