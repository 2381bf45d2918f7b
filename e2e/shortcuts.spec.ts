// The keys the manifest suggests are the ones Chromium really gives the commands: Chrome leaves a
// suggested key unset when it is one of its own shortcuts (Chromium 156 keeps Ctrl+Shift+L for itself).
import { COMMANDS } from '../src/background/commands';
import { expect, test } from './fixtures/extension';

test('Chromium on Linux gives each command the key suggested for Linux, none refused as its own', async ({ worker }) => {
  const given = await worker.evaluate(() => chrome.commands.getAll());
  expect(Object.fromEntries(given.map((command) => [command.name, command.shortcut]))).toStrictEqual(
    Object.fromEntries(Object.entries(COMMANDS).map(([name, command]) => [name, command.suggested.linux])),
  );
});
