import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrowser, missingBrowserMessage } from './find-browser.js';

/** A folder of fake executables with these names, as PATH. */
function pathWith(...names: string[]): string {
  const folder = mkdtempSync(join(tmpdir(), 'serviceniveau-bin-'));
  for (const name of names) {
    writeFileSync(join(folder, name), '#!/bin/sh\n');
    chmodSync(join(folder, name), 0o755);
  }
  return folder;
}

describe('finding a Chromium-based browser for the browser tests', () => {
  it('takes CHROMIUM_PATH first, then chromium, chromium-browser, google-chrome on PATH', () => {
    const both = pathWith('google-chrome', 'chromium-browser');
    expect(findBrowser({ PATH: both })).toBe(join(both, 'chromium-browser'));
    const chrome = pathWith('google-chrome');
    expect(findBrowser({ PATH: chrome })).toBe(join(chrome, 'google-chrome'));
    expect(findBrowser({ PATH: both, CHROMIUM_PATH: join(chrome, 'google-chrome') })).toBe(join(chrome, 'google-chrome'));
  });

  it('finds none, and says where it looked and how to install one', () => {
    const empty = pathWith();
    expect(findBrowser({ PATH: empty })).toBeUndefined();
    expect(findBrowser({ PATH: empty, CHROMIUM_PATH: join(empty, 'chrome') })).toBeUndefined();
    expect(missingBrowserMessage({ PATH: empty })).toMatch(/chromium, chromium-browser, google-chrome.*apt-get install -y chromium/);
  });
});
