// The Firefox platform module: the background page writes the clipboard itself.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeSessionStorage, copyToClipboard, hasRoomFor, shortcutSettings } from './platform.firefox';

afterEach(() => vi.unstubAllGlobals());

describe('Firefox platform', () => {
  it('copies with the background page’s own clipboard', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    await expect(copyToClipboard('https://trk.example/x/')).resolves.toBe(true);
    expect(writeText).toHaveBeenCalledWith('https://trk.example/x/');
  });

  it('says so when Firefox refuses the clipboard', async () => {
    vi.stubGlobal('navigator', { clipboard: { writeText: async () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
    await expect(copyToClipboard('x')).resolves.toBe(false);
  });

  it('has no session storage access level to set, and calls nothing', () => {
    vi.stubGlobal('chrome', {});
    expect(() => closeSessionStorage()).not.toThrow();
  });

  it('has room in storage.local whatever is stored, since Firefox sets it no quota (a bulk job is not paused for nothing)', async () => {
    vi.stubGlobal('chrome', { storage: { local: {} } });
    await expect(hasRoomFor(10_000_000)).resolves.toBe(true);
  });

  it('points to the add-ons manager for shortcuts, which have no address of their own in Firefox', () => {
    expect(shortcutSettings()).toBe('in about:addons (the gear menu, then Manage Extension Shortcuts)');
  });
});
