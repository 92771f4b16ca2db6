// What a customer sees and does in Microsoft's Web Chat 4.18.1, by the selectors Web Chat renders.
const SEND_BOX = '[data-id="webchat-sendbox-input"]';
const BOT_BUBBLE = '.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content';
const USER_BUBBLE = '.webchat__bubble.webchat__bubble--from-user .webchat__bubble__content';
const UPLOAD_INPUT = 'input.webchat__upload-button--file-input';
const USER_FILE_NAME = '.webchat__bubble.webchat__bubble--from-user .webchat__fileContent__fileName';
const USER_FILE_LINK = '.webchat__bubble.webchat__bubble--from-user a.webchat__fileContent__buttonLink';
const SENDING_STATUS = '.webchat__activity-status--sending';
// Web Chat's own strings for a message the server never echoed back (ACTIVITY_STATUS_SEND_FAILED_RETRY).
const SEND_FAILED_TEXTS = ['Send failed', 'Fehler beim Senden'];

export class WebChatPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page, log) {
    this.page = page;
    this.log = log;
  }

  async waitForBotBubble(text, timeout = 60_000) {
    await this.page.locator(BOT_BUBBLE, { hasText: text }).first().waitFor({ state: 'visible', timeout });
    this.log(`bot bubble shown: "${text}"`);
  }

  /** Waits for a bot bubble with `text` after the customer's latest message (an earlier turn may have said the same). */
  async waitForBotReply(text, timeout = 60_000) {
    await this.page.waitForFunction(
      (wanted) => {
        const bubbles = [...document.querySelectorAll('.webchat__bubble')];
        const fromUser = (b) => b.classList.contains('webchat__bubble--from-user');
        const lastUser = bubbles.findLastIndex(fromUser);
        return bubbles.slice(lastUser + 1).some((b) => !fromUser(b) && (b.querySelector('.webchat__bubble__content')?.textContent ?? '').includes(wanted));
      },
      text,
      { timeout },
    );
    this.log(`bot replied: "${text}"`);
  }

  async waitForUserBubble(text, timeout = 60_000) {
    await this.page.locator(USER_BUBBLE, { hasText: text }).first().waitFor({ state: 'visible', timeout });
    this.log(`user bubble shown: "${text}"`);
  }

  /** Types into the send box and presses Enter, as a customer would. */
  async send(text) {
    const box = this.page.locator(SEND_BOX).first();
    await box.waitFor({ state: 'visible' });
    await box.click();
    await box.fill(text);
    await box.press('Enter');
    this.log(`typed "${text}" + Enter`);
  }

  /** Clicks the suggested action titled exactly `title`; Web Chat sends its value as the customer's message. */
  async clickSuggestedAction(title) {
    const button = this.page.locator('.webchat__suggested-actions').getByRole('button', { name: title, exact: true }).last();
    await button.waitFor({ state: 'visible' });
    await button.click();
    this.log(`clicked the suggested action "${title}"`);
  }

  /** The text of the last bot bubble that contains `text`. */
  async botBubbleText(text) {
    return this.page.locator(BOT_BUBBLE, { hasText: text }).last().innerText();
  }

  async assertSendBoxPlaceholder(expected) {
    const placeholder = await this.page.locator(SEND_BOX).first().getAttribute('placeholder');
    if (placeholder !== expected) throw new Error(`send box placeholder is "${placeholder}", expected "${expected}"`);
    this.log(`send box says "${placeholder}"`);
  }

  /** Picks a file with the paper-clip button (Web Chat 4.18 sends it with the next message). */
  async attach(file) {
    await this.page.locator(UPLOAD_INPUT).first().setInputFiles(file);
    this.log(`attached ${file.name}`);
  }

  async waitForUserFile(name, timeout = 60_000) {
    await this.page.locator(USER_FILE_NAME, { hasText: name }).first().waitFor({ state: 'visible', timeout });
    this.log(`user file bubble shown: "${name}"`);
  }

  /** The link in the customer's own file bubble (the server's copy after the echo) gives back the same bytes. */
  async assertFileDownloads(file) {
    const href = await this.page.locator(USER_FILE_LINK).last().getAttribute('href');
    if (!href?.startsWith('http')) throw new Error(`the file bubble links to ${href}, not to the server's copy`);
    const response = await this.page.request.get(href);
    const body = await response.body();
    if (response.status() !== 200 || !body.equals(file.buffer)) {
      throw new Error(`GET ${href} answered ${response.status()} with ${body.length} bytes instead of the ${file.buffer.length} uploaded`);
    }
    this.log(`the uploaded file downloads again from ${href}`);
  }

  /** Web Chat marks a message sent only when the server echoes it; otherwise it says "Send failed". */
  async assertEverythingSent(timeout = 30_000) {
    await this.page.waitForFunction((selector) => document.querySelectorAll(selector).length === 0, SENDING_STATUS, { timeout });
    const text = await this.page.locator('#webchat').innerText();
    const failed = SEND_FAILED_TEXTS.find((t) => text.includes(t));
    if (failed) throw new Error(`Web Chat shows "${failed}"`);
    this.log('no message is "Sending" or "Send failed"');
  }

  async transcript() {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('.webchat__bubble')].map((bubble) => {
        const who = bubble.classList.contains('webchat__bubble--from-user') ? 'user' : 'bot';
        return `${who}: ${bubble.querySelector('.webchat__bubble__content')?.textContent ?? ''}`;
      }),
    );
  }

  async count(kind, text) {
    return this.page.locator(kind === 'user' ? USER_BUBBLE : BOT_BUBBLE, { hasText: text }).count();
  }
}
