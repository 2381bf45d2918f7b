// `npm run demo`: the extension with no Everflow account. Builds dist/ if it is missing or older than
// the sources, starts the Everflow simulator (../simulator/) behind its HTTPS proxy, opens Chromium
// with the production build loaded unchanged, adds two accounts on the options page as a person would
// (the first simulated network's key, and a partner's key on the second, EU-hosted network), and leaves
// a tab on a simulated dashboard offer page that says what to try.
//   npm run demo                               a real window (needs a display)
//   npm run demo -- --headless --port 9222     no window; Chromium's DevTools on port 9222 for scripts
// Ctrl+C (SIGINT), SIGTERM or SIGHUP, or closing the browser, ends the browser and the simulator and
// removes the temporary profile.
import { addAccount } from '../fixtures/options-steps';
import { chromium, type BrowserContext } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EverflowSimulator } from '../simulator/everflow';
import { PARTNER_KEYS, US_KEY } from '../simulator/network';
import { startSimulatorServer, type SimulatorServer } from '../simulator/server';
import { DEMO_HOST, dashboardPage, demoOfferUrl } from './dashboard-page';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** What the build reads: a change to any of these makes dist/ stale. */
const BUILD_INPUTS = ['src', 'public', 'manifest.json', 'vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json'];
const USAGE =
  "Usage: npm run demo [-- --headless] [-- --port N]\n  --headless  no window\n  --port N    open Chromium's DevTools on 127.0.0.1:N (--remote-debugging-port)";

interface Options {
  headless: boolean;
  port: number | undefined;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function parseArgs(argv: string[]): Options {
  const options: Options = { headless: false, port: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--headless') options.headless = true;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg === '--port' ? argv[++i] : arg.slice('--port='.length);
      const port = Number(value);
      if (!Number.isInteger(port) || port < 1 || port > 65_535)
        fail(`--port needs a port number from 1 to 65535, not "${value ?? ''}".\n${USAGE}`);
      options.port = port;
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else fail(`Unknown option "${arg}".\n${USAGE}`);
  }
  return options;
}

function requireChromium(): void {
  try {
    accessSync(CHROMIUM, constants.X_OK);
  } catch {
    fail(
      `Chromium is missing: no executable at ${CHROMIUM}.\n` +
        'Install it (as root, or with sudo):\n' +
        '  apt-get update && apt-get install -y chromium\n' +
        'or point CHROMIUM_PATH at a Chromium or Chrome for Testing binary (branded Chrome 137+ ignores --load-extension).',
    );
  }
}

function requireDisplay(options: Options): void {
  if (options.headless || process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return;
  fail(
    'No display here (DISPLAY and WAYLAND_DISPLAY are unset), so no window can open.\nRun it without a window instead:  npm run demo -- --headless --port 9222',
  );
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Builds when dist/ is missing or any build input is newer than it. */
function buildIfNeeded(): void {
  const manifest = join(DIST, 'manifest.json');
  const builtAt = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const changedAt = Math.max(...BUILD_INPUTS.map((input) => newestMtime(join(ROOT, input))));
  if (builtAt > changedAt) return;
  console.log(
    builtAt === 0 ? 'Building the extension (dist/ is missing)…' : 'Building the extension (the sources changed since dist/ was built)…',
  );
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) fail('The build failed (see above); fix it, then run `npm run demo` again.');
}

/** The demo's accounts: a network's key, and a partner's key of another network (the EU region, found by itself). */
const DEMO_KEYS = [
  { key: US_KEY, region: 'United States' },
  { key: PARTNER_KEYS.second[12], region: 'United States' },
] as const;

/** Adds the demo's accounts on the welcome page the install opened, as a person does, and closes it. */
async function addAccounts(context: BrowserContext, extensionId: string): Promise<void> {
  const url = `chrome-extension://${extensionId}/src/options/options.html`;
  let options = context.pages().find((page) => page.url() === url);
  for (let tries = 0; !options && tries < 50; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    options = context.pages().find((page) => page.url() === url);
  }
  if (!options) {
    options = await context.newPage();
    await options.goto(url);
  }
  for (const { key, region } of DEMO_KEYS) await addAccount(options, key, region);
  await options.close();
}

/** Whether nothing listens on 127.0.0.1:port yet. */
function portIsFree(port: number): Promise<boolean> {
  const probe = createServer();
  return new Promise((resolve) => {
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** Whether Chromium's DevTools answer on the port. */
async function devToolsListening(port: number): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) return true;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  requireChromium();
  requireDisplay(options);
  if (options.port !== undefined && !(await portIsFree(options.port))) fail(`Port ${options.port} is in use; choose another --port.`);
  buildIfNeeded();

  let server: SimulatorServer | undefined;
  let context: BrowserContext | undefined;
  let profile: string | undefined;
  let ending: Promise<void> | undefined;

  const removeProfile = () => {
    if (profile) rmSync(profile, { recursive: true, force: true });
  };
  // Last resort (e.g. an uncaught error): Playwright kills the browser on exit; the profile goes too.
  process.on('exit', removeProfile);

  const end = (code: number, why?: string): Promise<void> => {
    ending ??= (async () => {
      if (why) console.log(why);
      // Should closing hang, exit anyway: Playwright's exit handler then kills the browser.
      setTimeout(() => process.exit(code || 1), 15_000).unref();
      await context?.close().catch(() => undefined);
      await server?.close().catch(() => undefined);
      removeProfile();
      console.log(`Demo ended: browser and simulator stopped${profile ? `, temporary profile ${profile} removed` : ''}.`);
      process.exit(code);
    })();
    return ending;
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void end(0, `\n${signal}: stopping the demo…`));

  try {
    const simulator = new EverflowSimulator();
    server = await startSimulatorServer(() => simulator, { pages: { [DEMO_HOST]: dashboardPage(simulator.network) } });
    profile = mkdtempSync(join(tmpdir(), 'elb-demo-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: options.headless,
      // A real window sizes its pages itself.
      viewport: options.headless ? { width: 1280, height: 800 } : null,
      // This script ends the browser itself on a signal (and the simulator with it).
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: [
        `--disable-extensions-except=${DIST}`,
        `--load-extension=${DIST}`,
        '--no-sandbox',
        '--no-first-run',
        '--no-default-browser-check',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        ...(options.port === undefined ? [] : [`--remote-debugging-port=${options.port}`]),
        ...server.chromiumArgs,
      ],
    });
    // The person closed the window: nothing left to show.
    context.on('close', () => void end(0));

    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await addAccounts(context, new URL(worker.url()).host);
    const tab = context.pages()[0] ?? (await context.newPage());
    await tab.goto(demoOfferUrl());
    await tab.bringToFront();

    if (options.port !== undefined && !(await devToolsListening(options.port))) {
      return void (await end(1, `Chromium's DevTools did not answer on port ${options.port}.`));
    }
    const devtools = options.port === undefined ? '' : ` Chromium's DevTools: http://127.0.0.1:${options.port}.`;
    console.log(
      `Link Builder for Everflow demo ready ${options.headless ? 'without a window' : 'in Chromium'} on ${demoOfferUrl()} ` +
        `(simulator proxy 127.0.0.1:${server.port}).${devtools} Ctrl+C ends it.`,
    );
  } catch (error) {
    console.error(`The demo could not start: ${error instanceof Error ? error.message : String(error)}`);
    await end(1);
  }
}

await main();
