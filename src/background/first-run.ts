// The first run: a new install opens the options page in a tab of its own, where a person with no key
// saved yet is greeted with the steps to a first link, unless an administrator's policy says not to
// (showWelcome: false). Updates and browser updates open nothing.
import browser from 'webextension-polyfill';
import { currentPolicy, policyRead } from './policy';

export async function welcomeOnInstall(details: { reason: string }): Promise<void> {
  if (details.reason !== 'install') return;
  // An install the policy pushed comes as the browser starts, before it can answer for the policy (some
  // 5 s): that one waits for the policy. One the person made is greeted at once unless the browser
  // already knows the policy says not to.
  const pushed = (await browser.management.getSelf()).installType === 'admin';
  if ((await (pushed ? policyRead() : currentPolicy())).showWelcome === false) return;
  // tabs.create needs no permission. runtime.openOptionsPage would do in Chrome, but Firefox 153, asked
  // from its background page while installing, resolves it without opening anything.
  const page = browser.runtime.getManifest().options_ui?.page;
  if (page) await browser.tabs.create({ url: browser.runtime.getURL(page) });
}
