// Reads the manifest that ships (dist/manifest.json) and fails when it asks for more than the
// features need, or loosens the content security policy.
import { expect, test } from '@playwright/test';
import { builtManifest } from './fixtures/extension';

const ALLOWED_PERMISSIONS = ['alarms', 'clipboardWrite', 'contextMenus', 'notifications', 'offscreen', 'storage'];
const ALLOWED_HOSTS = ['https://api.eflow.team/*', 'https://api-eu.eflow.team/*', 'https://*.everflowclient.io/*'];
const ALLOWED_OPTIONAL_HOSTS = ['https://*/*'];

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: unknown[];
  content_security_policy?: { extension_pages?: string };
  externally_connectable?: unknown;
  web_accessible_resources?: unknown[];
}

const manifest = () => builtManifest() as unknown as Manifest;

test('asks only for the permissions its features need', () => {
  const m = manifest();
  expect(m.manifest_version).toBe(3);
  expect((m.permissions ?? []).toSorted()).toStrictEqual(ALLOWED_PERMISSIONS);
  expect(m.optional_permissions ?? []).toStrictEqual([]);
  expect(m.host_permissions).toStrictEqual(ALLOWED_HOSTS);
  expect(m.optional_host_permissions ?? []).toStrictEqual(ALLOWED_OPTIONAL_HOSTS);
  for (const forbidden of ['<all_urls>', 'tabs', 'scripting', 'activeTab', 'webRequest', 'cookies', 'history']) {
    expect(JSON.stringify(m.permissions)).not.toContain(`"${forbidden}"`);
    expect(JSON.stringify(m.host_permissions)).not.toContain(forbidden);
  }
  expect(m.content_scripts ?? []).toStrictEqual([]);
  expect(m.externally_connectable).toBeUndefined();
  expect(m.web_accessible_resources ?? []).toStrictEqual([]);
});

test('runs only its own code: no eval, no remote scripts', () => {
  const csp = manifest().content_security_policy?.extension_pages ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|wasm-unsafe-eval|\*/);
});
