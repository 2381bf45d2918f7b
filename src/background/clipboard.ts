// The one way text reaches the clipboard: whatever a template or a sub holds, the API key never goes
// with it (the person pastes these messages to partners).
import { withoutKey } from '../everflow/key-in-text';
import { readApiKey } from './api-key-store';
import { copyToClipboard } from './platform';

/**
 * Copies `text` without the key; answers what went onto the clipboard, or null when the browser refused.
 * `apiKey`: the saved key when the caller holds it already (link generation), else it is read.
 */
export async function copyText(text: string, apiKey?: string | null): Promise<string | null> {
  const key = apiKey === undefined ? await readApiKey() : apiKey;
  const clean = withoutKey(text, key);
  return (await copyToClipboard(clean)) ? clean : null;
}
