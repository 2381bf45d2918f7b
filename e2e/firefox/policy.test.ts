// An administrator's policy in Firefox: policies.json's "3rdparty" → "Extensions" → the add-on's ID,
// which Firefox hands to browser.storage.managed unchecked. The file applies to every Firefox run on the
// machine and Firefox reads it once, at start: it is written just before the launch and put back as it
// was (or removed) as soon as the browser has started. Skips, saying why, where the folder cannot be
// written.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { after, before, test } from 'node:test';
import { policyDirProblem } from '../fixtures/managed-policy';
import { builtManifest, startEverflow, waitUntil, withFirefox } from './firefox';

const POLICIES = '/usr/lib/firefox-esr/distribution/policies.json';
const problem = policyDirProblem(dirname(POLICIES));

let everflow: Awaited<ReturnType<typeof startEverflow>>;
before(async () => {
  everflow = await startEverflow();
});
after(async () => {
  await everflow.server.close();
});

test('policies.json’s 3rdparty policy locks the region and where keys are kept, naming the organisation', { skip: problem }, async () => {
  const original = existsSync(POLICIES) ? readFileSync(POLICIES) : undefined;
  const restore = () => (original === undefined ? rmSync(POLICIES, { force: true }) : writeFileSync(POLICIES, original));
  const policy = {
    region: 'eu',
    sessionOnlyKeys: true,
    organisationName: 'Acme Corp',
    // Firefox checks nothing: a value that does not fit is ignored on its own, the rest apply.
    maxRequestsPerSecond: 'fast',
  };
  writeFileSync(
    POLICIES,
    JSON.stringify({ policies: { '3rdparty': { Extensions: { [builtManifest().browser_specific_settings.gecko.id]: policy } } } }),
  );
  try {
    await withFirefox(everflow, async ({ open }) => {
      // Read at start: the machine's other Firefox runs need not see it.
      restore();
      const options = await open('options');
      await waitUntil(
        options,
        'the region locked to Europe, said who set it',
        (sentence: string) => {
          const region = document.getElementById('region') as HTMLSelectElement | null;
          return region?.disabled === true && region.options.length === 1 && document.body.textContent!.includes(sentence);
        },
        'Every account is in Europe (api-eu.eflow.team): set by Acme Corp.',
      );
      const keep = await options.evaluate(() => {
        const box = document.getElementById('session-only') as HTMLInputElement;
        return { checked: box.checked, disabled: box.disabled, said: document.getElementById('session-only-set-by')?.textContent };
      });
      assert.deepStrictEqual(keep, { checked: true, disabled: true, said: 'Set by Acme Corp' });
    });
  } finally {
    restore();
  }
});
