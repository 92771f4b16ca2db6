// The console's jobs page in headless Chromium, through the real UI only: an admin signs in, follows the "Scheduled
// jobs" link, sees every job the server lists (with a failed job's error), starts an on-demand job with "Run now" and
// sees its run after "Reload", then switches to German and sees the page in German.
// Env: FIRSTLINE_URL, ADMIN_EMAIL, ADMIN_PASSWORD, EXPECT_JOBS (group.name,…), FAILED_JOB, FAILED_ERROR,
// RUN_NOW_JOB, RUN_NOW_RESULT, CHROMIUM_PATH (default /usr/bin/chromium).
// Exit code 0 = passed. On failure a screenshot is written and its path printed.
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { CHROMIUM_PATH, newTempDir } from './lib/browser.mjs';
import { firstLineUrl } from './lib/env.mjs';
import { eventually, withTimeout } from './lib/wait.mjs';

const TIMEOUT_MS = 180_000;
const started = Date.now();
const log = (message) => console.log(`[jobs-page ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const row = (page, job) => page.locator(`tr[data-job="${job}"]`);

async function signIn(page, email, password) {
  await page.goto(`${firstLineUrl()}/agent`, { waitUntil: 'domcontentloaded' });
  await page.waitForURL(/\/agent\/login/);
  await page.fill('[data-testid=login-email]', email);
  await page.fill('[data-testid=login-password]', password);
  await page.click('[data-testid=login-submit]');
  await page.waitForURL((url) => url.pathname === '/agent');
  log(`signed in as ${email}`);
}

async function run(page) {
  await signIn(page, required('ADMIN_EMAIL'), required('ADMIN_PASSWORD'));
  await page.click('[data-testid=nav-jobs]');
  await page.waitForURL((url) => url.pathname === '/agent/jobs');
  await page.locator('[data-testid=jobs][data-live=true]').waitFor();
  log('the jobs page is open and live');

  for (const job of required('EXPECT_JOBS').split(',')) {
    await row(page, job).waitFor();
    const schedule = await row(page, job).locator('[data-testid=job-schedule]').innerText();
    if (!schedule.trim()) throw new Error(`job ${job} shows no schedule`);
    log(`listed: ${job} (${schedule})`);
  }

  const failed = row(page, required('FAILED_JOB'));
  const error = await failed.locator('[data-testid=job-error]').innerText();
  if (!error.includes(required('FAILED_ERROR'))) throw new Error(`the failed job shows the error "${error}"`);
  const failures = await failed.locator('[data-testid=job-failures]').innerText();
  if (failures.trim() !== '1') throw new Error(`the failed job shows ${failures} failures in a row, not 1`);
  if (!(await failed.getAttribute('class'))?.includes('failing')) throw new Error('the failed job is not marked as failing');
  log(`the failed job shows its error: ${error}`);

  const onDemand = row(page, required('RUN_NOW_JOB'));
  await onDemand.locator('[data-testid=run-now]').click();
  await page.locator('[data-testid=job-started]').waitFor();
  const expected = required('RUN_NOW_RESULT');
  await eventually(async () => {
    await page.click('[data-testid=reload]');
    return (await onDemand.locator('[data-testid=job-result]').innerText()).includes(expected);
  }, 60_000, `"${expected}" in the on-demand job's last result`, 500);
  log('"Run now" ran the on-demand job; its result shows after reload');

  await page.click('a[lang=de]');
  await page.waitForURL((url) => url.pathname === '/agent/jobs');
  await page.locator('[data-testid=jobs][data-live=true]').waitFor();
  await page.locator('h1', { hasText: 'Geplante Aufgaben' }).waitFor();
  await onDemand.locator('[data-testid=run-now]', { hasText: 'Jetzt ausführen' }).waitFor();
  await failed.locator('[data-testid=job-result]', { hasText: 'fehlgeschlagen' }).waitFor();
  log('the page speaks German after the switch');
}

async function main() {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
  });
  const problems = [];
  let page;
  try {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 1000 } });
    context.setDefaultTimeout(60_000);
    context.setDefaultNavigationTimeout(90_000);
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`); });
    await withTimeout(run(page), TIMEOUT_MS, 'the jobs page scenario');
    if (problems.length) throw new Error(`the browser saw problems: ${problems.join('; ')}`);
    console.log('PASSED jobs-page');
    return 0;
  } catch (error) {
    console.error(`FAILED: ${error?.stack ?? error}`);
    if (page) {
      const path = join(newTempDir('firstline-jobs-page-failure-'), 'admin.png');
      await page.screenshot({ path, fullPage: true }).catch(() => {});
      console.error(`Screenshot: ${path} — ${page.url()}`);
    }
    for (const problem of problems) log(problem);
    return 1;
  } finally {
    await browser.close().catch(() => {});
  }
}

process.exitCode = await main();
