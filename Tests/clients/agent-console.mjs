// The agent console and Web Chat in one headless Chromium, two browser contexts at once (a customer and an agent),
// everything through the real UI:
//   the customer types "I want to talk to a human" in Web Chat and answers the bot's questions (what it is about, who is
//   affected, can you work, name) → the ticket appears in the signed-in agent's queue without reload, with a browser
//   notification and a beep → the agent opens and claims it and writes → the customer sees the agent's message and the
//   bot stays silent → the customer answers → the agent sees it live → customer markup (<script>, <img onerror>, a
//   Markdown javascript: link) shows as text in the console → the agent resolves → the customer gets the notice and the
//   satisfaction question and answers it with the buttons and a comment.
//   Then the same customer asks for a human again → the agent claims the new ticket, writes, and hands the chat back to
//   the bot → the customer is told and gets the satisfaction question again, and answers it.
// Env: FIRSTLINE_URL, AGENT_EMAIL, AGENT_PASSWORD, CHROMIUM_PATH (default /usr/bin/chromium).
// Prints FIRSTLINE:TICKETS <resolved> <handed-back> at the end, for the xunit side to check the tickets.
// Exit code 0 = passed. On failure screenshots of both pages are written and their paths printed.
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { CHROMIUM_PATH, newTempDir } from './lib/browser.mjs';
import { firstLineUrl } from './lib/env.mjs';
import { WebChatPage } from './lib/webchat-page.mjs';

const TIMEOUT_MS = 240_000;
const started = Date.now();
const log = (message) => console.log(`[agent-console ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

const AGENT_EMAIL = process.env.AGENT_EMAIL ?? 'anna@example.test';
const AGENT_PASSWORD = process.env.AGENT_PASSWORD ?? '';
const HOSTILE = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[click me](javascript:alert(1))'];
// The first request itself carries markup (the bot strips tags from a description before it is stored, the Markdown
// link stays text), so the queue row, the ticket header and the bot's summary are checked for elements and links too.
const MARKED_UP_PROBLEM = '<img src=x onerror=alert(1)> The printer on the 2nd floor does not print, it shows error 50.4 [manual](javascript:alert(1))';

/** No element and no script link came from customer text anywhere on the agent's page, which shows `literal`. */
async function assertNoCustomerMarkup(agent, where, selector, literal) {
  const found = await agent.evaluate(({ selector, literal }) => ({
    shown: [...document.querySelectorAll(selector)].some((e) => e.textContent.includes(literal)),
    images: document.querySelectorAll('main img').length,
    scripts: document.querySelectorAll('main script').length,
    scriptLinks: [...document.querySelectorAll('a')].filter((a) => (a.getAttribute('href') ?? '').trim().toLowerCase().startsWith('javascript:')).length,
  }), { selector, literal });
  if (!found.shown || found.images || found.scripts || found.scriptLinks) {
    throw new Error(`the ${where} is not plain text: ${JSON.stringify(found)}`);
  }
  log(`the ${where} shows the customer's words as text: no <img>, no <script>, no javascript: link`);
}

// Records every Notification the console creates, and still shows the real one (permission is granted).
function spyOnNotifications() {
  window.__notifications = [];
  const Real = window.Notification;
  function Spy(title, options) {
    window.__notifications.push({ title, body: options?.body });
    try {
      return new Real(title, options);
    } catch {
      return {};
    }
  }
  Object.defineProperty(Spy, 'permission', { get: () => (Real ? Real.permission : 'granted') });
  Spy.requestPermission = (...args) => (Real ? Real.requestPermission(...args) : Promise.resolve('granted'));
  window.Notification = Spy;
}

async function signIn(agent) {
  await agent.goto(`${firstLineUrl()}/agent`, { waitUntil: 'domcontentloaded' });
  // Not signed in: the console sends the browser to its sign-in page.
  await agent.waitForURL(/\/agent\/login/);
  log(`the console asked for sign-in at ${new URL(agent.url()).pathname}`);
  await agent.fill('[data-testid=login-email]', AGENT_EMAIL);
  await agent.fill('[data-testid=login-password]', AGENT_PASSWORD);
  await agent.click('[data-testid=login-submit]');
  await agent.waitForURL((url) => url.pathname === '/agent');
  await agent.locator('[data-testid=queue][data-live=true]').waitFor();
  log(`signed in as ${AGENT_EMAIL}; the queue is live`);
}

/** The customer asks for a human in Web Chat and answers the bot's questions; returns the ticket number the bot gives. */
async function askForAHuman(webChat, problem, { nameKnown }) {
  await webChat.send('I want to talk to a human');
  await webChat.waitForBotReply('What is it about');
  await webChat.send(problem);
  await webChat.waitForBotReply('Who is affected');
  await webChat.clickSuggestedAction('Just me');
  await webChat.waitForBotReply('Can you work');
  await webChat.clickSuggestedAction('Only partly');
  if (!nameKnown) {
    await webChat.waitForBotReply('your name');
    await webChat.send('Kim Park');
  }
  await webChat.waitForBotReply('A colleague will join this chat shortly');
  const receipt = await webChat.botBubbleText('Your ticket number is');
  const number = /FL-\d+/.exec(receipt)?.[0];
  if (!number) throw new Error(`no ticket number in "${receipt}"`);
  log(`the bot handed over with ticket ${number}`);
  return number;
}

/** The handoff reaches the open queue at once: a new row, a notification and a beep, and no reload. */
async function seeHandoffArrive(agent, number) {
  const row = agent.locator(`[data-testid=queue-table] tr[data-ticket="${number}"]`);
  await row.waitFor({ timeout: 30_000 });
  log(`ticket ${number} appeared in the queue without reload`);
  if (!(await agent.evaluate(() => window.__sameDocument === true))) throw new Error('the queue page was reloaded');
  await agent.locator('[data-testid=handoff-toast]', { hasText: number }).waitFor();
  const alerts = await agent.evaluate(() => window.firstLineConsole.alerts);
  const notifications = await agent.evaluate(() => window.__notifications);
  log(`alerts: ${JSON.stringify(alerts)}; notifications: ${JSON.stringify(notifications)}`);
  if (!alerts.some((a) => a.title.includes(number) && a.sounded)) throw new Error(`no beep for ${number}: ${JSON.stringify(alerts)}`);
  if (!notifications.some((n) => n.title.includes(number))) throw new Error(`no browser notification for ${number}`);
  return row;
}

/** Opens the ticket from the queue, claims it and writes to the customer, who sees it. */
async function claimAndWrite(agent, webChat, row, number, text) {
  await row.locator('a').first().click();
  await agent.waitForURL((url) => url.pathname === `/agent/tickets/${number}`);
  await agent.locator('[data-testid=ticket][data-live=true]').waitFor();
  await agent.click('[data-testid=claim]');
  await agent.locator('[data-testid=ownership][data-owner=Agent]').waitFor();
  log(`claimed ${number}`);
  await webChat.waitForBotReply('has joined');
  await agent.fill('[data-testid=composer-text]', text);
  await agent.click('[data-testid=composer-send]');
  await webChat.waitForBotReply(text);
  await agent.locator('.transcript .entry.agent', { hasText: text }).waitFor();
  log('the customer sees the agent\'s message');
}

/** The bot asks how satisfied the customer is; the customer answers with a button and a comment (or "No, thanks"). */
async function answerSurvey(webChat, rating, comment) {
  await webChat.waitForBotReply('How happy are you with the help from our support team');
  await webChat.clickSuggestedAction(rating);
  await webChat.waitForBotReply('Anything else');
  if (comment) {
    await webChat.send(comment);
  } else {
    await webChat.clickSuggestedAction('No, thanks');
  }
  await webChat.waitForBotReply('Thank you for your feedback');
  log(`the customer rated the help ${rating}`);
}

async function run(customerPage, agent) {
  const webChat = new WebChatPage(customerPage, (m) => log(`customer: ${m}`));
  const botBubbles = () => customerPage.locator('.webchat__bubble:not(.webchat__bubble--from-user)').count();
  const dialogs = [];
  agent.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });

  await signIn(agent);
  // A marker that only survives if the queue page is never reloaded.
  await agent.evaluate(() => { window.__sameDocument = true; });

  await customerPage.goto(`${firstLineUrl()}/?lang=en`, { waitUntil: 'domcontentloaded' });
  await webChat.waitForBotReply('Hello', 90_000);
  const resolved = await askForAHuman(webChat, MARKED_UP_PROBLEM, { nameKnown: false });
  const row = await seeHandoffArrive(agent, resolved);
  await assertNoCustomerMarkup(agent, 'queue row', `[data-testid=queue-table] tr[data-ticket="${resolved}"]`, 'error 50.4');
  await claimAndWrite(agent, webChat, row, resolved, 'Hello, this is Anna from the service desk. Which printer is it?');
  await assertNoCustomerMarkup(agent, 'ticket header', '[data-testid=ticket-subject]', 'error 50.4');
  await assertNoCustomerMarkup(agent, 'bot summary', '[data-testid=bot-summary]', '[manual](javascript:alert(1))');

  // The customer answers; the agent sees it live, the bot says nothing.
  const botBubblesBefore = await botBubbles();
  const answer = 'The one on the 2nd floor, it shows error 50.4';
  await webChat.send(answer);
  await agent.locator('.transcript .entry.customer', { hasText: answer }).waitFor({ timeout: 30_000 });
  log('the agent sees the customer\'s answer live');

  for (const text of HOSTILE) {
    await webChat.send(text);
    await agent.locator('.transcript .entry.customer .text', { hasText: text }).waitFor({ timeout: 30_000 });
  }
  const shown = await agent.evaluate(() => ({
    texts: [...document.querySelectorAll('.transcript .entry.customer .text')].map((e) => e.textContent),
    images: document.querySelectorAll('main img').length,
    scripts: document.querySelectorAll('main script').length,
    links: [...document.querySelectorAll('.transcript a, [data-testid=bot-summary] a')].map((a) => a.getAttribute('href')),
  }));
  for (const text of HOSTILE) {
    if (!shown.texts.includes(text)) throw new Error(`"${text}" is not shown literally: ${JSON.stringify(shown.texts)}`);
  }
  if (shown.images || shown.scripts || shown.links.length) throw new Error(`customer markup became elements: ${JSON.stringify(shown)}`);
  log('customer markup is shown as text: no <img>, no <script>, no link');

  await webChat.assertEverythingSent();
  await new Promise((r) => setTimeout(r, 2000));
  if ((await botBubbles()) !== botBubblesBefore) {
    throw new Error(`the bot spoke while the agent owned the chat:\n  ${(await webChat.transcript()).join('\n  ')}`);
  }
  log('the bot stayed silent while the agent owned the conversation');

  // Resolve with a note: the customer is told, and the bot asks how satisfied they are.
  await agent.fill('[data-testid=resolve-note]', 'Printer 2nd floor: fuser error 50.4, technician sent.');
  await agent.click('[data-testid=resolve]');
  await agent.locator('[data-testid=ticket-status]', { hasText: 'Resolved' }).waitFor();
  await agent.locator('.transcript .entry.note', { hasText: 'fuser error 50.4' }).waitFor();
  await webChat.waitForBotReply(`Your ticket ${resolved} is resolved`);
  log('resolved; the customer got the notice');
  await answerSurvey(webChat, '4', 'Quick and friendly help');

  // A second request, handed back to the bot this time.
  await agent.click('a.brand');
  await agent.waitForURL((url) => url.pathname === '/agent');
  await agent.locator('[data-testid=queue][data-live=true]').waitFor();
  await agent.evaluate(() => { window.__sameDocument = true; });
  const handedBack = await askForAHuman(webChat, 'My monitor stays black after the docking station update', { nameKnown: true });
  if (handedBack === resolved) throw new Error(`the second request reused ticket ${resolved}`);
  const secondRow = await seeHandoffArrive(agent, handedBack);
  await claimAndWrite(agent, webChat, secondRow, handedBack, 'Please unplug the dock for ten seconds; the bot can help with the rest.');
  await agent.click('[data-testid=hand-back]');
  await agent.locator('[data-testid=ownership][data-owner=Bot]').waitFor();
  await webChat.waitForBotReply('has left the conversation');
  log('handed back; the customer got the notice');
  await answerSurvey(webChat, '5', null);

  if (dialogs.length) throw new Error(`a dialog fired in the console: ${dialogs.join(', ')}`);
  console.log(`FIRSTLINE:TICKETS ${resolved} ${handedBack}`);
}

async function main() {
  if (!AGENT_PASSWORD) throw new Error('AGENT_PASSWORD is not set');
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--autoplay-policy=no-user-gesture-required'],
  });
  const problems = [];
  const pages = {};
  try {
    const customerContext = await browser.newContext({ locale: 'en-US', viewport: { width: 900, height: 900 } });
    const agentContext = await browser.newContext({ locale: 'en-US', viewport: { width: 1300, height: 1000 } });
    await agentContext.grantPermissions(['notifications'], { origin: firstLineUrl() });
    await agentContext.addInitScript(spyOnNotifications);
    for (const context of [customerContext, agentContext]) {
      context.setDefaultTimeout(60_000);
      context.setDefaultNavigationTimeout(90_000);
    }
    pages.customer = await customerContext.newPage();
    pages.agent = await agentContext.newPage();
    for (const [who, page] of Object.entries(pages)) {
      page.on('pageerror', (error) => problems.push(`${who} page error: ${error.message}`));
      page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${who} HTTP ${r.status()}: ${r.request().method()} ${r.url()}`); });
    }
    let timer;
    await Promise.race([
      run(pages.customer, pages.agent),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`took longer than ${TIMEOUT_MS} ms`)), TIMEOUT_MS); }),
    ]).finally(() => clearTimeout(timer));
    log('passed');
    return 0;
  } catch (error) {
    console.error(`FAILED: ${error?.stack ?? error}`);
    const dir = newTempDir('firstline-agent-console-failure-');
    for (const [who, page] of Object.entries(pages)) {
      const path = join(dir, `${who}.png`);
      await page.screenshot({ path, fullPage: true }).catch(() => {});
      console.error(`Screenshot (${who}): ${path} — ${page.url()}`);
    }
    return 1;
  } finally {
    for (const problem of problems) log(problem);
    await browser.close().catch(() => {});
  }
}

process.exitCode = await main();
