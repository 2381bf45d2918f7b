// The stores' listing text, in one place: what `npm run release` writes into release/store/ for the
// Chrome Web Store, Edge Add-ons and addons.mozilla.org, field by field as each dashboard asks. The
// name and the summary are the manifest's own (the stores read them from the uploaded package).
// The release spec checks each listing's permissions against the built manifest, and the lengths
// each store allows.
import manifest from '../../manifest.json' with { type: 'json' };
import pkg from '../../package.json' with { type: 'json' };
import { COPY_COMMAND, suggestedKeys } from '../../src/background/commands';

/** Where the privacy policy is published (PRIVACY.md, hosted): unset until there is a public address. */
export const PRIVACY_POLICY_URL: string | undefined = undefined;
/** package.json's "homepage" (also the manifest's homepage_url): unset until there is a public address. */
export const HOMEPAGE_URL: string | undefined = (pkg as { homepage?: string }).homepage;

export const NAME = manifest.name;
export const SUMMARY = manifest.description;
export const NOT_EVERFLOW = 'Link Builder for Everflow is an independent tool: it is not made by, endorsed by or affiliated with Everflow.';

type Browsers = 'all' | 'chromium';

/** Why the extension asks for each permission and host, by its name in the manifest; `chromium` where only Chrome and Edge have it. */
export const PERMISSION_REASONS: Record<string, { browsers: Browsers; reason: string }> = {
  storage: {
    browsers: 'all',
    reason:
      'Keeps the API key, the region, the form draft, presets, recent affiliates and the link history in this browser (storage.local; the key can be kept in storage.session instead). Nothing is synced.',
  },
  offscreen: {
    browsers: 'chromium',
    reason:
      'The service worker has no page of its own: a hidden offscreen document writes the link to the clipboard, so the copy happens even when the popup has closed or the link was made from the right-click menu or the keyboard shortcut.',
  },
  clipboardWrite: {
    browsers: 'all',
    reason: 'Puts the tracking link on the clipboard, the extension’s single purpose.',
  },
  contextMenus: {
    browsers: 'all',
    reason:
      'The right-click menu on Everflow dashboard pages: copy the tracking link for the offer on the page, a linked offer or a selected offer ID.',
  },
  notifications: {
    browsers: 'all',
    reason:
      'Says what a right-click or keyboard action copied, or why it could not, and when a bulk job finished while its page was closed.',
  },
  alarms: {
    browsers: 'all',
    reason:
      'Wakes the background every 30 seconds while a bulk job runs, so the job survives the browser stopping an idle background; the alarm is removed when the job ends.',
  },
  'https://api.eflow.team/*': {
    browsers: 'all',
    reason:
      'Everflow’s Network API (United States): the background calls it with the person’s own API key to make links and look up names.',
  },
  'https://api-eu.eflow.team/*': {
    browsers: 'all',
    reason: 'Everflow’s Network API for accounts hosted in the EU, the same calls.',
  },
  'https://*.everflowclient.io/*': {
    browsers: 'all',
    reason:
      'Reads only the address of an Everflow dashboard tab in front, to fill in the offer or partner it shows and to offer the right-click menu there. No script is injected, and no other page is read.',
  },
  'https://*/*': {
    browsers: 'all',
    reason:
      'Optional, asked for one domain at a time and only when the person adds a white-label Everflow dashboard domain on the options page (the browser asks first); removing the domain gives the access back.',
  },
};

/** The permissions and hosts a listing for `browsers` names, as the built manifest should have them. */
export function listedPermissions(browsers: 'chromium' | 'firefox'): string[] {
  return Object.entries(PERMISSION_REASONS)
    .filter(([, { browsers: which }]) => which === 'all' || which === browsers)
    .map(([name]) => name);
}

export const DESCRIPTION = `Make Everflow tracking links in one step. Choose an offer (or a smart link) and an affiliate, and a correct tracking link is on your clipboard: for the affiliate managers and network staff who hand links to partners all day.

${NOT_EVERFLOW} It needs your own Everflow account and an API key: a network's (Everflow Control Center → Security → API Keys) or, for partners, the affiliate API key a network gives them.

What it does
- Toolbar popup: offer or smart link, affiliate, Source ID and Sub 1–5, tracking domain, offer URL, creative, encrypted parameters and redirect links. Find offers, smart links and affiliates by name. The link is copied at once and shown with Copy, Open and a QR code.
- On an Everflow dashboard offer page the offer is filled in for you; the right-click menu and a keyboard shortcut (${suggestedKeys(COPY_COMMAND)}) copy a link without opening anything.
- Bulk links: one offer or smart link for many affiliates, or one affiliate for many offers, downloadable as CSV.
- Link history of the last 1,000 links (search, copy again, CSV export), pinned offer–affiliate pairs, presets, copy formats (message templates around the link), and team settings to share with colleagues.
- Keeps to Everflow's rate limits, and says in one plain sentence what went wrong when Everflow refuses a request.

Privacy
Your API key stays in this browser and is sent only to Everflow's API (api.eflow.team, or api-eu.eflow.team for EU accounts) over HTTPS, to make the requests you ask for. The history, presets and drafts stay in this browser too. There is no server of ours, no analytics and no tracking.`;

/** How a reviewer sees it work without an Everflow account: the built-in demo, from the source. */
export function reviewerNotes(sourceZip: string): string {
  return `The extension needs an Everflow account and API key, but you can see it work without one: the source comes with a simulator of Everflow's API and a demo that runs the unmodified build against it.

1. Unpack ${sourceZip}; you need Node.js 20.19 or later and Chromium (Debian: apt-get install -y chromium; or set CHROMIUM_PATH to a Chromium or Chrome for Testing binary).
2. Run: npm ci && npm run demo
   It builds the extension, starts a local stand-in for Everflow's API (a made-up network, reached at api.eflow.team through a local proxy, so nothing leaves the machine), opens Chromium with the extension loaded and the simulator's API key saved, on a simulated Everflow dashboard offer page that lists what to try: the toolbar popup (the offer is filled in from the page; type affiliate 7 and press Enter), look-ups by name, the right-click menu, the shortcut ${suggestedKeys(COPY_COMMAND)} and Bulk links.
   Without a display: npm run demo -- --headless --port 9222 (Chromium's DevTools on port 9222).
3. Ctrl+C ends the demo and removes its temporary profile.

The API key is read by the background alone and sent only to Everflow over HTTPS. There is no remote code: every script is in the package, under the content security policy script-src 'self'.`;
}

export interface Field {
  label: string;
  text: string;
}

export interface Listing {
  store: string;
  file: string;
  /** Which build's manifest this store gets (its permissions are the listing's). */
  build: 'chromium' | 'firefox';
  fields: Field[];
}

const permissionLines = (build: 'chromium' | 'firefox') =>
  listedPermissions(build)
    .map((name) => `- ${name}: ${PERMISSION_REASONS[name]!.reason}`)
    .join('\n');

const unset = (what: string) => `NOT SET YET: ${what} (see docs/releasing.md, "By hand").`;
const privacyUrl = PRIVACY_POLICY_URL ?? unset('the address where PRIVACY.md is published');
const homepage = HOMEPAGE_URL ?? unset('a public homepage');

export function listings(files: { chromeZip: string; firefoxZip: string; sourceZip: string; screenshots: string[] }): Listing[] {
  const chromePermissionFields = listedPermissions('chromium')
    .filter((name) => !name.startsWith('https://'))
    .map((name) => ({ label: `Permission justification: ${name}`, text: PERMISSION_REASONS[name]!.reason }));
  const hostReasons = listedPermissions('chromium')
    .filter((name) => name.startsWith('https://'))
    .map((name) => `${name}: ${PERMISSION_REASONS[name]!.reason}`)
    .join('\n');
  const screenshots = files.screenshots.join(', ');
  return [
    {
      store: 'Chrome Web Store',
      file: 'chrome-web-store.md',
      build: 'chromium',
      fields: [
        { label: 'Package to upload', text: files.chromeZip },
        { label: 'Name (from the manifest)', text: NAME },
        { label: 'Summary (the manifest’s description, at most 132 characters)', text: SUMMARY },
        { label: 'Description', text: DESCRIPTION },
        { label: 'Category', text: 'Productivity › Workflow & Planning' },
        { label: 'Language', text: 'English' },
        { label: 'Store icon (128×128)', text: 'icon-128.png' },
        { label: 'Small promo tile (440×280)', text: 'promo-tile-440x280.png' },
        { label: 'Screenshots (1280×800)', text: screenshots },
        { label: 'Homepage URL', text: homepage },
        {
          label: 'Single purpose',
          text: 'Make Everflow tracking links: turn an Everflow offer or smart link and an affiliate into a tracking link on the clipboard.',
        },
        ...chromePermissionFields,
        { label: 'Host permission justification', text: hostReasons },
        {
          label: 'Are you using remote code?',
          text: "No. Every script is in the package; the extension pages' content security policy is script-src 'self'.",
        },
        {
          label: 'Data usage: what user data is collected',
          text: 'Authentication information: yes. The Everflow API key the person enters is kept in the browser and sent only to Everflow’s API, over HTTPS, to make the requests the person asks for.\nAll other kinds: no. The address of an Everflow dashboard tab in front is read on the device to fill in the offer; it is neither stored nor sent (web history, website content: no). No analytics or activity tracking (user activity: no). The names of offers and affiliates come from the person’s own Everflow account and stay in the browser.',
        },
        {
          label: 'Data usage: certifications',
          text: 'Tick all three: the data is not sold or transferred to third parties outside the approved use cases; not used or transferred for purposes unrelated to the single purpose; not used to determine creditworthiness or for lending.',
        },
        { label: 'Privacy policy URL', text: privacyUrl },
        { label: 'Test instructions (Distribution › Test instructions)', text: reviewerNotes(files.sourceZip) },
      ],
    },
    {
      store: 'Microsoft Edge Add-ons',
      file: 'edge-add-ons.md',
      build: 'chromium',
      fields: [
        { label: 'Package to upload (the Chrome package, as it is)', text: files.chromeZip },
        { label: 'Category', text: 'Productivity' },
        {
          label: 'Privacy policy requirements',
          text: 'Yes: the extension transmits the Everflow API key the person enters, to Everflow’s API only.',
        },
        { label: 'Privacy policy URL', text: privacyUrl },
        { label: 'Website URL', text: homepage },
        { label: 'Extension name (from the manifest)', text: NAME },
        { label: 'Short description (the manifest’s description)', text: SUMMARY },
        { label: 'Description (250 to 10,000 characters)', text: DESCRIPTION },
        { label: 'Extension logo (300×300)', text: 'logo-300.png' },
        { label: 'Small promotional tile (440×280)', text: 'promo-tile-440x280.png' },
        { label: 'Screenshots (1280×800)', text: screenshots },
        { label: 'Search terms (at most 7, 30 characters each, 21 words in all)', text: EDGE_SEARCH_TERMS.join('\n') },
        { label: 'Permissions, for reference (Edge asks for no justifications)', text: permissionLines('chromium') },
        { label: 'Notes for certification', text: reviewerNotes(files.sourceZip) },
      ],
    },
    {
      store: 'Firefox Add-ons (addons.mozilla.org)',
      file: 'amo.md',
      build: 'firefox',
      fields: [
        { label: 'Package to upload', text: files.firefoxZip },
        {
          label: 'Platforms',
          text: 'Firefox (desktop) only; not Firefox for Android (untested there; it has no context menus or shortcuts).',
        },
        {
          label: 'Source code',
          text: `Yes: the package is built and minified by Vite. Upload ${files.sourceZip}; its BUILDING.md names the exact Node.js and npm versions and the build command.`,
        },
        { label: 'Name (from the manifest)', text: NAME },
        { label: 'Summary (at most 250 characters)', text: SUMMARY },
        { label: 'Description', text: `${DESCRIPTION}\n\nPermissions\n${permissionLines('firefox')}` },
        { label: 'Categories', text: 'Other' },
        {
          label: 'This add-on requires payment, non-free services or software, or additional hardware',
          text: 'Tick it: the add-on needs an Everflow account.',
        },
        { label: 'License', text: 'MIT License' },
        { label: 'Privacy policy', text: 'Paste PRIVACY.md (beside this file), or link to it once it is published.' },
        {
          label: 'Data collection (declared in the manifest)',
          text: 'authenticationInfo, required: the API key goes to Everflow with every request. Nothing else is collected or sent.',
        },
        { label: 'Homepage', text: homepage },
        { label: 'Screenshots', text: screenshots },
        { label: 'Notes to reviewer', text: reviewerNotes(files.sourceZip) },
      ],
    },
  ];
}

/** Edge's search terms: what a person looking for this tool types. */
export const EDGE_SEARCH_TERMS = [
  'Everflow',
  'tracking link',
  'affiliate links',
  'affiliate marketing',
  'link builder',
  'smart link',
  'partner links',
];

export function renderListing(listing: Listing): string {
  const fields = listing.fields.map(({ label, text }) => `## ${label}\n\n\`\`\`text\n${text}\n\`\`\``).join('\n\n');
  return `# ${listing.store}: ${NAME}\n\nCopy each field into the store's dashboard as it is.\n\n${fields}\n`;
}
