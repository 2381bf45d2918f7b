// What differs between browsers, in one place. This file is the Chrome and Edge build's; the Firefox
// build takes platform.firefox.ts instead (chosen in vite.config.ts, never imported by path), so each
// bundle holds only the code its browser can run. Both export the same functions.
//
// Clipboard: a service worker has no DOM, so an offscreen document does the copying; this module
// creates it on demand and asks it to copy.
import browser from 'webextension-polyfill';
import type { OffscreenCopy } from '../shared/protocol/offscreen-copy';

export const OFFSCREEN_PATH = 'src/offscreen/offscreen.html';

let creating: Promise<void> | undefined;

async function ensureOffscreenDocument(): Promise<void> {
  if (await chrome.offscreen.hasDocument()) return;
  // Two copies at once must not both try to create the document.
  creating ??= chrome.offscreen
    .createDocument({
      url: OFFSCREEN_PATH,
      reasons: [chrome.offscreen.Reason.CLIPBOARD],
      justification: 'Copy the tracking link you generated to the clipboard.',
    })
    .finally(() => {
      creating = undefined;
    });
  await creating;
}

/** Writes text to the clipboard; false when the browser refused. */
export async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await ensureOffscreenDocument();
    const message: OffscreenCopy = { target: 'offscreen', type: 'copy', text };
    const reply = (await browser.runtime.sendMessage(message)) as { ok?: unknown } | undefined;
    return reply?.ok === true;
  } catch {
    return false;
  }
}

/** The key is for the background only: keep storage.session closed to anything but extension pages. */
export function closeSessionStorage(): void {
  void chrome.storage.session.setAccessLevel({ accessLevel: chrome.storage.AccessLevel.TRUSTED_CONTEXTS });
}

/** Whether storage.local can take `bytes` more: Chrome allows an extension 10 MB without unlimitedStorage. */
export async function hasRoomFor(bytes: number): Promise<boolean> {
  const used = await chrome.storage.local.getBytesInUse(null);
  return used + bytes <= chrome.storage.local.QUOTA_BYTES;
}

/** Where a person sets or changes the extension's keyboard shortcuts, as the end of a sentence. */
export function shortcutSettings(): string {
  // Edge runs this same build; it names itself "Edg/" in its user agent.
  return `at ${/\bEdg\//.test(navigator.userAgent) ? 'edge' : 'chrome'}://extensions/shortcuts`;
}
