// Offscreen document: copies text for the background. It hears every runtime message, so it answers
// only its own (and leaves the rest unanswered for the background).
import { isOffscreenCopy } from '../shared/protocol/offscreen-copy';

function copy(text: string): boolean {
  const area = document.getElementById('clipboard') as HTMLTextAreaElement;
  area.value = text;
  area.select();
  const ok = document.execCommand('copy');
  area.value = '';
  return ok;
}

chrome.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
  if (!isOffscreenCopy(message)) return false;
  sendResponse({ ok: copy(message.text) });
  return false;
});
