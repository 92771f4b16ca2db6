// A customer's mails in the agent console, in headless Chromium, through the real UI only:
//   an HTML-only mail with <script>, <img onerror>, a remote image, an iframe and a javascript: link, and a plain-text
//   mail that types the same markup and quotes an earlier answer → the console shows both as readable text (the quoted
//   history only under "whole mail"): no dialog fires, no element, script,
//   frame or javascript: link comes from them, no remote image is fetched;
//   the HTML mail's files are listed (name, size, inline marker) → the PDF downloads with its bytes, the HTML file
//   downloads too instead of opening (as application/octet-stream, attachment, nosniff) → a browser that is not signed
//   in is sent to sign-in instead of getting a file → the list speaks German after the language switch.
// Env: FIRSTLINE_URL, AGENT_EMAIL, AGENT_PASSWORD, HTML_TICKET, TEXT_TICKET, CHROMIUM_PATH (default /usr/bin/chromium).
// Prints FIRSTLINE:DOWNLOADED <attachment id> <sha256> <suggested file name> per downloaded file, for the xunit side.
// Exit code 0 = passed. On failure a screenshot is written and its path printed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { CHROMIUM_PATH, newTempDir } from './lib/browser.mjs';
import { firstLineUrl } from './lib/env.mjs';
import { withTimeout } from './lib/wait.mjs';

const TIMEOUT_MS = 180_000;
const started = Date.now();
const log = (message) => console.log(`[ticket-files ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

const AGENT_EMAIL = process.env.AGENT_EMAIL ?? 'anna@example.test';
const AGENT_PASSWORD = process.env.AGENT_PASSWORD ?? '';
const HTML_TICKET = process.env.HTML_TICKET ?? '';
const TEXT_TICKET = process.env.TEXT_TICKET ?? '';
// The remote image of the HTML mail points here (loopback, nothing listens): a request to it means it was loaded.
const REMOTE_IMAGE_HOST = '127.0.0.1:9';

async function signIn(page) {
  await page.goto(`${firstLineUrl()}/agent/login`, { waitUntil: 'domcontentloaded' });
  await page.fill('[data-testid=login-email]', AGENT_EMAIL);
  await page.fill('[data-testid=login-password]', AGENT_PASSWORD);
  await page.click('[data-testid=login-submit]');
  await page.waitForURL((url) => url.pathname === '/agent');
  log(`signed in as ${AGENT_EMAIL}`);
}

async function openTicket(page, number) {
  await page.goto(`${firstLineUrl()}/agent/tickets/${number}`, { waitUntil: 'domcontentloaded' });
  await page.locator('[data-testid=ticket][data-live=true]').waitFor();
}

/** The mail's words are readable in the transcript, and nothing of its markup became an element. */
async function assertShownAsText(page, what, readable) {
  for (const text of readable) {
    await page.locator('.transcript .entry.customer .text', { hasText: text }).first().waitFor();
  }
  const found = await page.evaluate(() => ({
    images: document.querySelectorAll('main img').length,
    scripts: document.querySelectorAll('main script').length,
    frames: document.querySelectorAll('iframe, object, embed').length,
    handlers: [...document.querySelectorAll('main *')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
    scriptLinks: [...document.querySelectorAll('a')].filter((a) => (a.getAttribute('href') ?? '').trim().toLowerCase().startsWith('javascript:')).length,
  }));
  if (found.images || found.scripts || found.frames || found.handlers || found.scriptLinks) {
    throw new Error(`the ${what} is not inert text: ${JSON.stringify(found)}`);
  }
  log(`the ${what} reads as text (${readable.map((t) => JSON.stringify(t)).join(', ')}); no img, script, frame, handler or javascript: link`);
}

function sha256(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Saves a download and reports it; returns its SHA-256. */
async function report(download, id) {
  const hash = sha256(await download.path());
  console.log(`FIRSTLINE:DOWNLOADED ${id} ${hash} ${download.suggestedFilename()}`);
  return hash;
}

async function checkFiles(page, context) {
  const rows = page.locator('[data-testid=attachment]');
  await rows.first().waitFor();
  const listed = await rows.evaluateAll((items) => items.map((li) => ({
    id: li.dataset.id,
    name: li.querySelector('[data-testid=attachment-link]').textContent.replace('📎', '').trim(),
    href: li.querySelector('[data-testid=attachment-link]').getAttribute('href'),
    size: li.querySelector('.size').textContent,
    inline: li.querySelector('[data-testid=attachment-inline]') !== null,
  })));
  log(`listed: ${JSON.stringify(listed)}`);
  const byName = (name) => listed.find((f) => f.name === name) ?? (() => { throw new Error(`${name} is not listed: ${JSON.stringify(listed)}`); })();
  const pdf = byName('Bericht _Q3_ Übersicht.pdf');
  const html = byName('seite.html');
  const image = byName('shot.png');
  if (!image.inline || pdf.inline || html.inline) throw new Error(`inline markers are wrong: ${JSON.stringify(listed)}`);
  if (pdf.size !== '117.2 KB') throw new Error(`the PDF's size reads "${pdf.size}", not "117.2 KB"`);

  // The PDF through its link, as an agent clicks it.
  const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-testid=attachment][data-id="${pdf.id}"] a`).click()]);
  await report(pdfDownload, pdf.id);
  log(`the PDF downloaded as "${pdfDownload.suggestedFilename()}"`);

  // The HTML file opened by address, not by the link's download attribute: the server itself makes it a download.
  const htmlDownload = page.waitForEvent('download');
  await page.goto(`${firstLineUrl()}${html.href}`).catch((error) => {
    if (!/Download is starting/.test(error.message)) throw error;
  });
  await report(await htmlDownload, html.id);
  const headers = (await context.request.get(`${firstLineUrl()}${html.href}`)).headers();
  log(`the HTML file's headers: ${JSON.stringify({ type: headers['content-type'], disposition: headers['content-disposition'], nosniff: headers['x-content-type-options'] })}`);
  if (headers['content-type'] !== 'application/octet-stream' || !headers['content-disposition']?.startsWith('attachment;') || headers['x-content-type-options'] !== 'nosniff') {
    throw new Error(`the HTML file is not sent as an inert download: ${JSON.stringify(headers)}`);
  }
  log('navigating to the HTML file downloads it; it is never rendered');
  return pdf.href;
}

async function run(browser) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1300, height: 1000 }, acceptDownloads: true });
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  pages.agent = page;
  const dialogs = [];
  const remote = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.on('request', (request) => { if (request.url().includes(REMOTE_IMAGE_HOST)) remote.push(request.url()); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

  await signIn(page);
  await openTicket(page, HTML_TICKET);
  await assertShownAsText(page, 'HTML mail', ['Der Drucker zeigt Fehler 50.4.', 'Anleitung öffnen']);
  const pdfHref = await checkFiles(page, context);

  await openTicket(page, TEXT_TICKET);
  await assertShownAsText(page, 'plain-text mail with markup', ["<script>alert('xss-text')</script>", "<img src=x onerror=alert('xss-text-img')>", "[Anleitung](javascript:alert('xss-md'))"]);
  const original = page.locator('[data-testid=original-mail]');
  await original.locator('summary').click();
  const quoted = "> Bitte senden Sie <b onmouseover=alert('xss-quote')>das Protokoll</b>.";
  await original.locator('.text', { hasText: quoted }).waitFor();
  await original.locator('b').count().then((bold) => { if (bold) throw new Error('the quoted <b> became an element'); });
  await page.locator(`.transcript .entry.customer > .text`, { hasText: 'Am 30.11.2026' }).count().then((n) => {
    if (n) throw new Error('the quoted history is in the conversation text, not only under the whole mail');
  });
  await assertShownAsText(page, 'whole mail with its quoted history', [quoted]);

  // German: the same list under its German labels.
  await page.goto(`${firstLineUrl()}/agent/language/de?returnUrl=${encodeURIComponent(`/agent/tickets/${HTML_TICKET}`)}`);
  await page.locator('[data-testid=ticket][data-live=true]').waitFor();
  await page.locator('[data-testid=attachments] h2', { hasText: 'Dateien (3)' }).waitFor();
  await page.locator('[data-testid=attachment-inline]', { hasText: 'eingebettetes Bild' }).waitFor();
  await page.locator('[data-testid=attachment] .size', { hasText: '117,2 KB' }).waitFor();
  log('the list speaks German after the switch');

  // Give a late onerror or a lazy image a moment, then nothing may have happened.
  await page.waitForTimeout(1000);
  if (dialogs.length) throw new Error(`a dialog fired in the console: ${dialogs.join(', ')}`);
  if (remote.length) throw new Error(`a remote image of the mail was loaded: ${remote.join(', ')}`);
  log('no dialog fired and no remote image was requested');

  // A browser without the sign-in cookie gets the sign-in page, not the file.
  const stranger = await browser.newContext({ acceptDownloads: true });
  const strangerPage = await stranger.newPage();
  const downloads = [];
  strangerPage.on('download', (d) => downloads.push(d.suggestedFilename()));
  await strangerPage.goto(`${firstLineUrl()}${pdfHref}`, { waitUntil: 'domcontentloaded' });
  if (new URL(strangerPage.url()).pathname !== '/agent/login' || downloads.length) {
    throw new Error(`a browser that is not signed in got ${strangerPage.url()} and downloads ${JSON.stringify(downloads)}`);
  }
  const script = await stranger.request.get(`${firstLineUrl()}${pdfHref}`, { maxRedirects: 0, headers: { accept: '*/*' } });
  if (script.status() !== 401) throw new Error(`a script without the cookie got ${script.status()}, not 401`);
  log('without the sign-in cookie: the browser is sent to sign-in, a script gets 401');
  await stranger.close();
}

const problems = [];
const pages = {};

async function main() {
  if (!AGENT_PASSWORD || !HTML_TICKET || !TEXT_TICKET) throw new Error('AGENT_PASSWORD, HTML_TICKET and TEXT_TICKET must be set');
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
  });
  try {
    await withTimeout(run(browser), TIMEOUT_MS, 'the whole run');
    log('passed');
    return 0;
  } catch (error) {
    console.error(`FAILED: ${error?.stack ?? error}`);
    if (pages.agent) {
      const path = join(newTempDir('firstline-ticket-files-failure-'), 'agent.png');
      await pages.agent.screenshot({ path, fullPage: true }).catch(() => {});
      console.error(`Screenshot: ${path} — ${pages.agent.url()}`);
    }
    return 1;
  } finally {
    for (const problem of problems) log(problem);
    await browser.close().catch(() => {});
  }
}

process.exitCode = await main();
