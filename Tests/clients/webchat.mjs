// Microsoft's Web Chat in headless Chromium against FirstLine, one phase per run:
//   node webchat.mjs chat    [--user-data-dir DIR]  demo page /?lang=en: greeting, "hello" → reply, no "Send failed"
//   node webchat.mjs resume  --user-data-dir DIR    same browser profile after a server restart: history shown, new reply
//   node webchat.mjs upload  [--user-data-dir DIR]  attach a file + text: multipart upload, echo, file downloadable
//   node webchat.mjs german  [--user-data-dir DIR]  /?lang=de: German greeting and reply
//   node webchat.mjs embed   [--user-data-dir DIR]  Web Chat on another origin with `domain` = FirstLine (CORS)
// Env: FIRSTLINE_URL, FIRSTLINE_SECRET (embed only), CHROMIUM_PATH (default /usr/bin/chromium),
//      FIRSTLINE_TRACE=1 to log every request, response and WebSocket frame with its time.
// Exit code 0 = the phase passed. On failure a screenshot path is printed.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { generateToken } from './lib/directline-http.mjs';
import { launchBrowser, newTempDir } from './lib/browser.mjs';
import { embedPageHtml, startEmbedServer } from './lib/embed-server.mjs';
import { directLineDomain, firstLineSecret, firstLineUrl } from './lib/env.mjs';
import { WebChatPage } from './lib/webchat-page.mjs';

const PHASE_TIMEOUT_MS = 240_000;
const started = Date.now();
const log = (message) => console.log(`[webchat ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

const phases = {
  async chat(webChat) {
    await webChat.page.goto(`${firstLineUrl()}/?lang=en`, { waitUntil: 'domcontentloaded' });
    await webChat.waitForBotBubble('Hello');
    await webChat.assertSendBoxPlaceholder('Type your message');
    await webChat.send('hello');
    await webChat.waitForUserBubble('hello');
    await webChat.waitForBotBubble('You said: hello');
    await webChat.assertEverythingSent();
    await logCookies(webChat.page);
  },

  async resume(webChat) {
    await webChat.page.goto(`${firstLineUrl()}/?lang=en`, { waitUntil: 'domcontentloaded' });
    // The conversation from the `chat` phase, before the server restarted, is still there ...
    await webChat.waitForUserBubble('hello');
    await webChat.waitForBotBubble('You said: hello');
    // ... and it goes on.
    await webChat.send('hello after the restart');
    await webChat.waitForBotBubble('You said: hello after the restart');
    await webChat.assertEverythingSent();
    const earlier = await webChat.count('user', /^hello$/);
    if (earlier !== 1) throw new Error(`expected the earlier "hello" exactly once in the transcript, found ${earlier}`);
    // The conversation was resumed, not started again: one greeting, not two.
    // (A regex: Playwright's string hasText is a case-insensitive substring and would count "You said: hello" too.)
    const greetings = await webChat.count('bot', /^Hello/);
    if (greetings !== 1) throw new Error(`expected one greeting in the resumed conversation, found ${greetings}`);
  },

  async upload(webChat) {
    const page = webChat.page;
    await page.goto(`${firstLineUrl()}/?lang=en`, { waitUntil: 'domcontentloaded' });
    await webChat.waitForBotBubble('Hello');
    // Web Chat posts a message with attachments as multipart to /upload (botframework-directlinejs' upload path).
    const file = { name: 'error-message.txt', mimeType: 'text/plain', buffer: Buffer.from('Error 0x80070005: access denied\n') };
    const uploaded = page.waitForResponse((r) => r.request().method() === 'POST' && /\/conversations\/[^/]+\/upload\?/.test(r.url()));
    await webChat.attach(file);
    await webChat.send('here is the error');
    const response = await uploaded;
    if (response.status() !== 200) throw new Error(`upload answered ${response.status()}: ${await response.text()}`);
    await webChat.waitForUserFile(file.name);
    await webChat.waitForBotBubble('You said: here is the error');
    await webChat.assertEverythingSent();
    await webChat.assertFileDownloads(file);
  },

  async german(webChat) {
    await webChat.page.goto(`${firstLineUrl()}/?lang=de`, { waitUntil: 'domcontentloaded' });
    await webChat.waitForBotBubble('Hallo');
    // Web Chat's own UI speaks German too, not only the bot.
    await webChat.assertSendBoxPlaceholder('Nachricht eingeben');
    await webChat.send('hallo');
    await webChat.waitForBotBubble('Sie sagten: hallo');
    await webChat.assertEverythingSent();
  },

  async embed(webChat) {
    // The embedding site's backend holds the secret and hands the page only a token.
    const { token } = await generateToken(firstLineSecret());
    const site = await startEmbedServer(embedPageHtml({ firstLineUrl: firstLineUrl(), directLineDomain: directLineDomain(), token }));
    try {
      if (new URL(site.origin).origin === new URL(firstLineUrl()).origin) throw new Error('the embedding page must be on another origin');
      log(`embedding page on ${site.origin}, Web Chat domain ${directLineDomain()}`);
      await webChat.page.goto(`${site.origin}/`, { waitUntil: 'domcontentloaded' });
      await webChat.waitForBotBubble('Hello');
      await webChat.send('hello');
      await webChat.waitForBotBubble('You said: hello');
      await webChat.assertEverythingSent();
    } finally {
      await site.close();
    }
  },
};

async function logCookies(page) {
  const cookies = await page.context().cookies(firstLineUrl());
  for (const c of cookies) {
    const expiry = c.expires > 0 ? new Date(c.expires * 1000).toISOString() : 'session (lost when the browser closes)';
    log(`cookie ${c.name}: httpOnly=${c.httpOnly} sameSite=${c.sameSite} expires=${expiry}`);
  }
}

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'user-data-dir': { type: 'string' } } });
  const phase = positionals[0];
  if (!phases[phase]) {
    console.error(`usage: node webchat.mjs <${Object.keys(phases).join('|')}> [--user-data-dir DIR]`);
    return 2;
  }
  const ownProfile = !values['user-data-dir'];
  const userDataDir = values['user-data-dir'] ?? newTempDir('firstline-webchat-profile-');
  log(`phase ${phase} against ${firstLineUrl()}, profile ${userDataDir}`);

  const context = await launchBrowser(userDataDir);
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.location()?.url?.endsWith('/favicon.ico')) problems.push(`console error: ${message.text()} (${message.location()?.url ?? 'unknown source'})`);
  });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) {
      problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
    }
  });
  if (process.env.FIRSTLINE_TRACE) {
    // Every request and WebSocket with its time, to see where a slow phase spends it.
    page.on('request', (request) => log(`-> ${request.method()} ${request.url()}`));
    page.on('response', (response) => log(`<- ${response.status()} ${response.url()}`));
    page.on('websocket', (socket) => {
      log(`ws open ${socket.url()}`);
      socket.on('framereceived', (frame) => log(`ws frame ${String(frame.payload).slice(0, 120)}`));
      socket.on('close', () => log('ws closed'));
    });
  }

  const webChat = new WebChatPage(page, log);
  let timer;
  try {
    await Promise.race([
      phases[phase](webChat),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`phase ${phase} took longer than ${PHASE_TIMEOUT_MS} ms`)), PHASE_TIMEOUT_MS);
      }),
    ]);
    log(`phase ${phase} passed`);
    return 0;
  } catch (error) {
    console.error(`FAILED phase ${phase}: ${error?.stack ?? error}`);
    await reportFailure(webChat, problems);
    return 1;
  } finally {
    clearTimeout(timer);
    for (const problem of problems) log(problem);
    // Closing the persistent context flushes cookies to disk for the next phase.
    await context.close().catch(() => {});
    if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
  }
}

async function reportFailure(webChat, problems) {
  try {
    const dir = newTempDir('firstline-webchat-failure-');
    const screenshot = join(dir, 'screenshot.png');
    await webChat.page.screenshot({ path: screenshot, fullPage: true });
    console.error(`Screenshot: ${screenshot}`);
    console.error(`Page: ${webChat.page.url()}`);
    console.error(`Transcript:\n  ${(await webChat.transcript()).join('\n  ') || '(no bubbles)'}`);
  } catch (error) {
    problems.push(`could not capture the failure: ${error?.message ?? error}`);
  }
}

process.exitCode = await main();
