// `npm run demo` as a script drives it: started headless with a DevTools port, reached over CDP, a link
// made in the real toolbar popup on the demo's dashboard tab, then SIGTERM ends it all.
import { test, expect, chromium, type Browser } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { DEMO_OFFER, demoOfferUrl } from './demo/dashboard-page';
import { linkFor } from './fixtures/fake-everflow';
import { connectToPopupAt } from './fixtures/toolbar-popup';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function isFree(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Processes still running with this text in their command line (e.g. Chromium's DevTools port flag). */
function processesWith(text: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(text) ? [Number(pid)] : [];
      } catch {
        return [];
      }
    });
}

/** `npm run demo -- …args` in its own process group, with everything it prints collected. */
function startDemo(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn('npm', ['run', 'demo', '--', ...args], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('npm run demo -- --headless --port N: a link made through its DevTools port, then SIGTERM leaves nothing behind', async () => {
  test.setTimeout(150_000);
  const port = await freePort();
  const demo = startDemo(['--headless', '--port', String(port)]);
  let browser: Browser | undefined;
  let ended = false;
  try {
    await waitFor(() => /demo ready/.test(demo.output()) || demo.child.exitCode !== null, 90_000, `the demo to start:\n${demo.output()}`);
    const ready = demo
      .output()
      .split('\n')
      .find((line) => line.includes('demo ready'));
    if (!ready) throw new Error(`The demo did not start:\n${demo.output()}`);
    expect(ready).toContain(`Chromium's DevTools: http://127.0.0.1:${port}`);
    const proxyPort = Number(/simulator proxy 127\.0\.0\.1:(\d+)/.exec(ready)?.[1]);

    browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    const context = browser.contexts()[0]!;
    const tab = context.pages().find((page) => page.url() === demoOfferUrl());
    expect(
      tab,
      context
        .pages()
        .map((page) => page.url())
        .join(', '),
    ).toBeDefined();
    for (const hint of ['Toolbar popup', 'Right-click menu', 'Keyboard shortcut', 'Look-ups by name', 'Bulk links'])
      await expect(tab!.getByText(hint).first()).toBeVisible();

    const worker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await context.waitForEvent('serviceworker'));
    await tab!.bringToFront();
    await worker.evaluate(() => chrome.action.openPopup());
    const { page: popup, disconnect } = await connectToPopupAt(port);
    await expect(popup.getByLabel('Offer ID', { exact: true })).toHaveValue(String(DEMO_OFFER));
    await expect(popup.getByText('from this page')).toBeVisible();
    await popup.getByLabel('Affiliate ID', { exact: true }).fill('7');
    await popup.getByRole('button', { name: 'Generate link' }).click();
    // The simulator's link: the key was saved, and the request went over HTTPS to the simulated Everflow.
    await expect(popup.getByLabel('Your tracking link')).toHaveValue(linkFor(DEMO_OFFER, 7));
    await disconnect();
    await browser.close();
    browser = undefined;

    // To npm alone, as `kill <pid>` would: npm passes it on to the demo (the script execs tsx, which relays it).
    demo.child.kill('SIGTERM');
    const code = await Promise.race([demo.exited, new Promise((resolve) => setTimeout(() => resolve('still running'), 30_000))]);
    ended = code !== 'still running';
    expect(code, demo.output()).toBe(0);
    const profile = /temporary profile (\S+) removed\./.exec(demo.output())?.[1];
    expect(profile, demo.output()).toBeDefined();
    expect(existsSync(profile!)).toBe(false);
    expect(processesWith(`--remote-debugging-port=${port}`)).toStrictEqual([]);
    expect(await isFree(port)).toBe(true);
    expect(await isFree(proxyPort)).toBe(true);
  } finally {
    await browser?.close().catch(() => undefined);
    if (!ended) {
      try {
        process.kill(-demo.child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      for (const pid of processesWith(`--remote-debugging-port=${port}`)) process.kill(pid, 'SIGKILL');
    }
  }
});

test('npm run demo without Chromium says how to install it', async () => {
  const demo = startDemo(['--headless'], { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' });
  expect(await demo.exited).not.toBe(0);
  expect(demo.output()).toContain('Chromium is missing: no executable at /nonexistent/chromium.');
  expect(demo.output()).toContain('apt-get install -y chromium');
});
