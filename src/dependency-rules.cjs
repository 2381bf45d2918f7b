// The layers of src/, checked by dependency-cruiser in `npm test` (npm run deps). Every import
// counts, type-only ones included; tests only join the cycle rule. A violation prints the rule's name.
const PAGES = '^src/(popup|options|history|bulk|offscreen)/';
/** Unit tests may reach across layers to check them; the extension's own code may not. */
const TESTS = '\\.test\\.tsx?$';
const PAGES_AND_UI = '^src/(popup|options|history|bulk|offscreen|ui)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-import-cycles',
      comment: 'Modules import in one direction only; a cycle (types included) means a shape has no single home.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'everflow-stands-alone',
      comment: 'everflow/ is the pure Everflow client: it imports nothing else of the extension.',
      severity: 'error',
      from: { path: '^src/everflow/', pathNot: TESTS },
      to: { path: '^src/', pathNot: '^src/everflow/' },
    },
    {
      name: 'shared-imports-no-page-or-background',
      comment: 'shared/ holds what every context uses: it imports no page, no UI component and not the background.',
      severity: 'error',
      from: { path: '^src/shared/', pathNot: TESTS },
      to: { path: ['^src/background/', '^src/ui/', PAGES] },
    },
    {
      name: 'ui-imports-no-page-or-background',
      comment: 'ui/ holds the components several pages share: it imports no page and not the background.',
      severity: 'error',
      from: { path: '^src/ui/', pathNot: TESTS },
      to: { path: ['^src/background/', PAGES] },
    },
    {
      name: 'pages-do-not-import-the-background',
      comment: 'Pages talk to the background through messages (shared/protocol/connector.ts), never by importing it.',
      severity: 'error',
      from: { path: PAGES, pathNot: TESTS },
      to: { path: '^src/background/' },
    },
    {
      name: 'pages-do-not-import-each-other',
      comment: 'A page uses only its own folder, ui/, shared/ and everflow/; what two pages share goes to ui/ or shared/.',
      severity: 'error',
      from: { path: '^src/(popup|options|history|bulk|offscreen)/', pathNot: TESTS },
      to: { path: PAGES, pathNot: '^src/$1/' },
    },
    {
      name: 'the-background-imports-no-page',
      comment: 'The background imports no page or UI component (they would land in the worker).',
      severity: 'error',
      from: { path: '^src/background/', pathNot: TESTS },
      to: { path: ['^src/ui/', PAGES] },
    },
    {
      name: 'browser-differences-stay-in-the-platform-module',
      comment:
        'Only the background reaches src/background/platform.ts (offscreen clipboard, session storage access); the Firefox build swaps in platform.firefox.ts (vite.config.ts), which nothing imports by path. The offscreen message is for platform.ts and the offscreen page alone.',
      severity: 'error',
      from: { pathNot: TESTS },
      to: { path: '^src/background/platform\\.firefox\\.ts$' },
    },
    {
      name: 'offscreen-message-only-between-platform-and-offscreen-page',
      comment:
        'The offscreen document is Chrome-only: only platform.ts sends its message and only src/offscreen/ reads it, so the Firefox bundle has none of it.',
      severity: 'error',
      from: { pathNot: ['^src/background/platform\\.ts$', '^src/offscreen/', TESTS] },
      to: { path: '^src/shared/protocol/offscreen-copy\\.ts$' },
    },
    {
      name: 'the-key-stays-in-the-background',
      comment:
        'The API key is read and written by the background alone: its items (shared/accounts/keys.ts) are imported only there and by the index of stored items, which only the background and the tests use. No page or UI module may reach either, even through another module.',
      severity: 'error',
      from: {
        path: ['^src/(popup|options|history|bulk|offscreen|ui)/', '^src/shared/'],
        pathNot: [TESTS, '^src/shared/storage/items\\.ts$'],
      },
      to: { path: ['^src/shared/accounts/keys\\.ts$', '^src/shared/storage/items\\.ts$'] },
    },
    {
      name: 'pages-never-reach-the-key',
      comment: 'Not even through another module: a page that could load the key items could read the key.',
      severity: 'error',
      from: { path: PAGES_AND_UI, pathNot: TESTS },
      to: { path: '^src/shared/accounts/keys\\.ts$', reachable: true },
    },
    {
      name: 'no-import()-in-the-background',
      comment:
        'Chrome refuses import() in a service worker (the HTML spec disallows it there), so the background loads everything statically; Firefox would allow it, which would hide the failure.',
      severity: 'error',
      from: { path: '^src/background/', pathNot: TESTS },
      to: { dependencyTypes: ['dynamic-import'] },
    },
    {
      name: 'no-test-code-in-the-extension',
      comment: 'Test fixtures live with the tests (e2e/); extension code never imports them or a test file.',
      severity: 'error',
      from: { path: '^src/', pathNot: TESTS },
      to: { path: ['^e2e/', '\\.test\\.tsx?$'] },
    },
    {
      name: 'no-unresolvable-imports',
      comment: 'An import that resolves to nothing is a typo or a missing package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.d\\.ts$' },
    // Type-only imports count: a cycle through types is still a cycle.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
