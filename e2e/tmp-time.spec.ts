import { test } from './fixtures/extension';
test('time', async ({ saveKey, openExtensionPage }) => {
  let t = Date.now();
  await saveKey();
  console.log('saveKey', Date.now() - t);
  t = Date.now();
  const p = await openExtensionPage('popup');
  await p.getByLabel('Offer ID', { exact: true }).waitFor();
  console.log('popup', Date.now() - t);
});
