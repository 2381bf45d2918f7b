// The first run: a new install opens the options page, which greets a person who has no key saved
// yet with the steps to a first link. Updates and browser updates open nothing.
import browser from 'webextension-polyfill';

export async function welcomeOnInstall(details: { reason: string }): Promise<void> {
  if (details.reason !== 'install') return;
  await browser.runtime.openOptionsPage();
}
