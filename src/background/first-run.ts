// The first run: a new install opens the options page in a tab of its own, where a person with no key
// saved yet is greeted with the steps to a first link, unless an administrator's policy says not to
// (showWelcome: false). Updates and browser updates open nothing.
import browser from 'webextension-polyfill';
import { currentPolicy } from './policy';

export async function welcomeOnInstall(details: { reason: string }): Promise<void> {
  if (details.reason !== 'install') return;
  if ((await currentPolicy()).showWelcome === false) return;
  // tabs.create needs no permission. runtime.openOptionsPage would do in Chrome, but Firefox 153, asked
  // from its background page while installing, resolves it without opening anything.
  const page = browser.runtime.getManifest().options_ui?.page;
  if (page) await browser.tabs.create({ url: browser.runtime.getURL(page) });
}
