// Debian's chromium driven by playwright-core: no `playwright install` (it would need the internet).
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * A persistent profile, so a later phase (another process, after a server restart) sees the same cookies
 * as a customer's browser would after closing the tab.
 */
export async function launchBrowser(userDataDir) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}; run ./test.sh (it installs the Debian package "chromium").`);
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1000, height: 900 },
    locale: 'en-US',
  });
  // Generous: a 2-core machine that is also compiling can take many seconds to parse Web Chat's 4 MB bundle.
  context.setDefaultTimeout(60_000);
  context.setDefaultNavigationTimeout(90_000);
  return context;
}

export function newTempDir(prefix) {
  return mkdtempSync(join(tmpdir(), prefix));
}
