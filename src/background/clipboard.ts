// The one way text reaches the clipboard: whatever a template or a sub holds, no saved API key goes with
// it, whichever account's (the person pastes these messages to partners).
import { withoutKey } from '../everflow/key-in-text';
import { allKeys } from './account-keys';
import { copyToClipboard } from './platform';

/** `text` with every saved key cut out of it, in any encoding. */
export async function withoutAnyKey(text: string): Promise<string> {
  let clean = text;
  for (const key of await allKeys()) clean = withoutKey(clean, key);
  return clean;
}

/** Copies `text` without any key; answers what went onto the clipboard, or null when the browser refused. */
export async function copyText(text: string): Promise<string | null> {
  const clean = await withoutAnyKey(text);
  return (await copyToClipboard(clean)) ? clean : null;
}
