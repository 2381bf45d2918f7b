// Offscreen document: copies text for the background. It hears every runtime message, so it answers
// only its own (and leaves the rest unanswered for the background).
import { OffscreenCopySchema } from '../shared/offscreen-copy';

function copy(text: string): boolean {
  const area = document.getElementById('clipboard') as HTMLTextAreaElement;
  area.value = text;
  area.select();
  const ok = document.execCommand('copy');
  area.value = '';
  return ok;
}

chrome.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
  const parsed = OffscreenCopySchema.safeParse(message);
  if (!parsed.success) return false;
  sendResponse({ ok: copy(parsed.data.text) });
  return false;
});
