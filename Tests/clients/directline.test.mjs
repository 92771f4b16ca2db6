// botframework-directlinejs (the client inside Microsoft's Web Chat) against FirstLine's Direct Line 3.0 server,
// in WebSocket mode and in polling mode, plus the bad-input cases that need a real client.
// Run: FIRSTLINE_URL=http://127.0.0.1:5080 FIRSTLINE_SECRET=... node --test directline.test.mjs
import './lib/node-globals.mjs';

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';

import { ConnectionStatus, DirectLine } from 'botframework-directlinejs';
import WebSocket from 'ws';

import { ActivityCollector } from './lib/activity-collector.mjs';
import {
  callDirectLine,
  expectDirectLine,
  generateToken,
  getActivities,
  postMessage,
  sequenceOf,
  startConversation,
} from './lib/directline-http.mjs';
import { directLineDomain, firstLineSecret } from './lib/env.mjs';
import { delay, eventually, withTimeout } from './lib/wait.mjs';

// Generous bounds: they only matter when something hangs, and a busy 2-core CI machine is slow.
const TEST_TIMEOUT_MS = 180_000;
const log = (message) => console.log(message);

function createClient(mode, options) {
  return new DirectLine({
    domain: directLineDomain(),
    webSocket: mode === 'websocket',
    // The real service is polled every second; 200 ms (the library's lower bound) keeps the test short.
    pollingInterval: 200,
    timeout: 20_000,
    conversationStartProperties: { locale: 'en-US' },
    ...options,
  });
}

function waitForStatus(directLine, wanted, ms = 45_000) {
  const seen = [];
  return withTimeout(
    new Promise((resolve) => {
      const subscription = directLine.connectionStatus$.subscribe((status) => {
        seen.push(ConnectionStatus[status]);
        if (status === wanted) {
          resolve(status);
          setImmediate(() => subscription.unsubscribe());
        }
      });
    }),
    ms,
    () => `connection status ${ConnectionStatus[wanted]} (seen: ${seen.join(' → ')})`,
  );
}

function post(directLine, activity) {
  return withTimeout(
    new Promise((resolve, reject) => directLine.postActivity(activity).subscribe(resolve, reject)),
    45_000,
    `postActivity(${JSON.stringify(activity.text)}) to return an id`,
  );
}

/** The `user` claim DirectLineJS and Web Chat read from a JWT token (undefined for opaque tokens). */
function userIdInToken(token) {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
    return typeof claims.user === 'string' ? claims.user : claims.user?.id;
  } catch {
    return undefined;
  }
}

const isBotMessage = (text) => (a) => a.type === 'message' && a.from?.role === 'bot' && (a.text ?? '').includes(text);
// Typing is pushed live over the WebSocket only and never stored, so it is not part of "what was missed".
const withoutTyping = (activities) => activities.filter((a) => a.type !== 'typing');

function assertIdsAreDirectLineIds(activities, conversationId) {
  const sequences = activities.map((a) => {
    assert.ok(a.id?.startsWith(`${conversationId}|`), `activity id ${a.id} belongs to conversation ${conversationId}`);
    return sequenceOf(a.id);
  });
  const sorted = [...sequences].sort((x, y) => x - y);
  assert.deepEqual(sequences, sorted, 'activities arrive in sequence order');
  assert.equal(new Set(sequences).size, sequences.length, `no activity arrives twice: ${sequences.join(',')}`);
  return sequences;
}

async function converseMissAndReconnect(mode) {
  const secret = firstLineSecret();
  const user = { id: `directlinejs-${mode}-${randomUUID().slice(0, 8)}`, name: `DirectLineJS ${mode}` };

  // 1. A website backend exchanges its secret for a token; only the token reaches the client.
  const minted = await generateToken(secret);
  assert.ok(minted.token, 'tokens/generate returns a token');
  assert.ok(minted.conversationId, 'tokens/generate returns the conversationId the token is bound to');
  assert.ok(minted.expires_in > 0, 'tokens/generate returns expires_in');
  log(`token minted for conversation ${minted.conversationId}`);

  // 2. Start, and receive the greeting.
  const client = createClient(mode, { token: minted.token });
  const activities = new ActivityCollector(client, log);
  try {
    await waitForStatus(client, ConnectionStatus.Online);
    const conversationId = client.conversationId;
    assert.equal(conversationId, minted.conversationId, 'the conversation started is the one the token is bound to');
    const greeting = await activities.waitFor(isBotMessage('Hello'), 'the bot\'s English greeting');
    assert.equal(greeting.channelId, 'directline');
    assert.equal(greeting.conversation?.id, conversationId);
    assert.equal(typeof greeting.timestamp, 'string', 'bot activities carry a server timestamp string');

    // 3. Send a message; Web Chat needs its own activity echoed with channelData untouched.
    const clientActivityID = randomUUID();
    const channelData = { clientActivityID, nested: { kept: ['as', 'sent', 42] } };
    const postedId = await post(client, { type: 'message', from: user, text: 'hello', locale: 'en-US', channelData });
    assert.match(postedId, new RegExp(`^${conversationId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\|\\d{7}$`));

    const echo = await activities.waitFor((a) => a.channelData?.clientActivityID === clientActivityID, 'the echo of my message');
    assert.equal(echo.id, postedId, 'the echo carries the id postActivity returned');
    assert.deepEqual(echo.channelData, channelData, 'channelData comes back verbatim');
    assert.equal(echo.text, 'hello');
    // Like the real service, a user id bound into the token (dl_…) wins over the one the client sends.
    assert.equal(echo.from?.id, userIdInToken(minted.token) ?? user.id);
    assert.equal(echo.from?.role, 'user');

    const reply = await activities.waitFor(isBotMessage('You said: hello'), 'the bot\'s reply');
    assert.ok(sequenceOf(reply.id) > sequenceOf(echo.id), 'the reply comes after my message');

    const sequences = assertIdsAreDirectLineIds(withoutTyping(activities.activities), conversationId);
    const watermark = client.watermark;
    assert.equal(watermark, String(Math.max(...sequences)), 'the watermark is the sequence number of the last activity');

    // 4. Go away; something happens while the client is disconnected.
    const conversationToken = client.token;
    client.end();
    activities.close();
    log(`disconnected at watermark ${watermark}`);

    await postMessage(conversationToken, conversationId, 'missed while away', { from: user });
    const missed = await eventually(
      async () => {
        const set = await getActivities(conversationToken, conversationId, watermark);
        return set.activities.some(isBotMessage('You said: missed while away')) ? set.activities : undefined;
      },
      45_000,
      'the reply to the message sent while disconnected (raw GET)',
      200,
    );
    const missedIds = missed.map((a) => a.id);
    log(`missed while away: ${missedIds.join(', ')}`);

    // 5. Come back with conversationId + watermark: exactly the missed activities arrive, nothing older, nothing twice.
    const resumed = createClient(mode, { token: conversationToken, conversationId, watermark });
    const resumedActivities = new ActivityCollector(resumed, log);
    try {
      await waitForStatus(resumed, ConnectionStatus.Online);
      await resumedActivities.waitFor((a) => a.id === missedIds.at(-1), 'the last missed activity after reconnecting');
      await delay(mode === 'websocket' ? 1_000 : 1_500); // let duplicates show up if the server would send any
      assert.deepEqual(
        withoutTyping(resumedActivities.activities).map((a) => a.id),
        missedIds,
        'the reconnected client receives exactly the missed activities',
      );

      // The resumed connection is fully usable.
      const againId = randomUUID();
      await post(resumed, { type: 'message', from: user, text: 'back again', channelData: { clientActivityID: againId } });
      await resumedActivities.waitFor((a) => a.channelData?.clientActivityID === againId, 'the echo after reconnecting');
      await resumedActivities.waitFor(isBotMessage('You said: back again'), 'the reply after reconnecting');

      // 6. Refresh the token through the client, then prove the new token works.
      const refreshed = await withTimeout(
        new Promise((resolve, reject) => resumed.refreshToken().subscribe(resolve, reject)),
        45_000,
        'DirectLineJS refreshToken()',
      );
      assert.equal(typeof refreshed, 'string');
      assert.ok(refreshed.length > 0, 'tokens/refresh returns a token');
      const viaRefreshed = await getActivities(refreshed, conversationId, '');
      assert.ok(viaRefreshed.activities.some((a) => a.id === postedId), 'the refreshed token reads the same conversation');

      const raw = await expectDirectLine(200, 'POST', 'tokens/refresh', { bearer: refreshed });
      assert.equal(raw.conversationId, conversationId, 'tokens/refresh names the conversation');
      assert.ok(raw.token && raw.expires_in > 0, 'tokens/refresh returns token and expires_in');
    } finally {
      resumed.end();
      resumedActivities.close();
    }
  } finally {
    client.end();
    activities.close();
  }
}

describe('DirectLineJS over WebSocket', () => {
  test('starts, is greeted, gets its echo and a reply, reconnects with a watermark and refreshes its token', { timeout: TEST_TIMEOUT_MS }, () =>
    converseMissAndReconnect('websocket'));
});

describe('DirectLineJS polling', () => {
  test('starts, is greeted, gets its echo and a reply, reconnects with a watermark and refreshes its token', { timeout: TEST_TIMEOUT_MS }, () =>
    converseMissAndReconnect('polling'));
});

/** Opens a raw WebSocket and reports whether the server let it in and whether any data leaked. */
function tryWebSocket(url, ms = 15_000) {
  return withTimeout(
    new Promise((resolve) => {
      const socket = new WebSocket(url);
      const outcome = { opened: false, status: undefined, frames: [], closeCode: undefined };
      socket.on('unexpected-response', (request, response) => {
        outcome.status = response.statusCode;
        request.destroy();
        resolve(outcome);
      });
      socket.on('open', () => {
        outcome.opened = true;
        // A server may accept the upgrade and then close; give it a moment to do so before judging.
        setTimeout(() => {
          socket.terminate();
          resolve(outcome);
        }, 1_500);
      });
      socket.on('message', (data) => outcome.frames.push(String(data)));
      socket.on('close', (code) => {
        outcome.closeCode = code;
        resolve(outcome);
      });
      socket.on('error', () => resolve(outcome));
    }),
    ms,
    `the server's answer to a WebSocket at ${url}`,
  );
}

const refused = (outcome) =>
  (!outcome.opened && [401, 403].includes(outcome.status)) ||
  (outcome.opened && outcome.closeCode !== undefined && outcome.frames.every((f) => !f.includes('"activities":[{')));

describe('DirectLineJS bad input', () => {
  test('a WebSocket opened with a bad token is refused', { timeout: TEST_TIMEOUT_MS }, async () => {
    const secret = firstLineSecret();
    const mine = await startConversation((await generateToken(secret)).token);
    const other = await startConversation((await generateToken(secret)).token);
    assert.match(mine.streamUrl, /^wss?:\/\/.+\/v3\/directline\/conversations\/.+\/stream\?/, 'streamUrl has the documented shape');

    const forged = new URL(mine.streamUrl);
    forged.searchParams.set('t', `${forged.searchParams.get('t') ?? ''}x`);
    const missing = new URL(mine.streamUrl);
    missing.searchParams.delete('t');
    const othersToken = new URL(mine.streamUrl);
    othersToken.searchParams.set('t', new URL(other.streamUrl).searchParams.get('t') ?? '');

    for (const [what, url] of [
      ['a forged token', forged],
      ['no token', missing],
      ['a token for another conversation', othersToken],
    ]) {
      const outcome = await tryWebSocket(url.toString());
      log(`WebSocket with ${what}: ${JSON.stringify(outcome)}`);
      assert.ok(refused(outcome), `a WebSocket with ${what} is refused (got ${JSON.stringify(outcome)})`);
    }

    // The genuine streamUrl still works, so the refusals above were about the token.
    const genuine = await tryWebSocket(mine.streamUrl);
    assert.ok(genuine.opened, `the genuine streamUrl opens (got ${JSON.stringify(genuine)})`);
  });

  test('posting to someone else\'s conversation with your token gets 403', { timeout: TEST_TIMEOUT_MS }, async () => {
    const secret = firstLineSecret();
    const mine = await startConversation((await generateToken(secret)).token);
    const theirs = await startConversation((await generateToken(secret)).token);
    assert.notEqual(mine.conversationId, theirs.conversationId);

    const intrusion = await callDirectLine('POST', `conversations/${encodeURIComponent(theirs.conversationId)}/activities`, {
      bearer: mine.token,
      body: { type: 'message', from: { id: 'intruder' }, text: 'let me in' },
    });
    assert.equal(intrusion.status, 403, `POST into another conversation: ${intrusion.text}`);
    assert.equal(typeof intrusion.json?.error?.code, 'string', `error body {"error":{"code","message"}}: ${intrusion.text}`);
    assert.equal(typeof intrusion.json?.error?.message, 'string', `error body {"error":{"code","message"}}: ${intrusion.text}`);

    const peek = await callDirectLine('GET', `conversations/${encodeURIComponent(theirs.conversationId)}/activities?watermark=`, {
      bearer: mine.token,
    });
    assert.equal(peek.status, 403, `GET another conversation's activities: ${peek.text}`);

    // Their conversation did not get my message.
    const theirActivities = await getActivities(theirs.token, theirs.conversationId, '');
    assert.ok(!theirActivities.activities.some((a) => a.text === 'let me in'), 'nothing was accepted into their conversation');

    // DirectLineJS, pointed at their conversation with my token, fails to connect instead of reading it.
    const client = createClient('polling', { token: mine.token, conversationId: theirs.conversationId });
    const activities = new ActivityCollector(client, log);
    try {
      await waitForStatus(client, ConnectionStatus.FailedToConnect);
    } finally {
      client.end();
      activities.close();
    }
  });
});

describe('DirectLineJS burst', () => {
  test('a burst of messages from one conversation is queued: none refused, every one answered in order', { timeout: TEST_TIMEOUT_MS }, async () => {
    const BURST = 20;
    const minted = await generateToken(firstLineSecret());
    const client = createClient('websocket', { token: minted.token });
    const activities = new ActivityCollector(client, () => {});
    try {
      await waitForStatus(client, ConnectionStatus.Online);
      await activities.waitFor(isBotMessage('Hello'), 'the greeting');
      const from = { id: 'burst-user' };
      // All at once, as a script or an impatient customer would; DirectLineJS turns a 429 or 5xx into a lost message.
      const ids = await Promise.all(
        Array.from({ length: BURST }, (_, i) =>
          post(client, { type: 'message', from, text: `burst ${i}`, channelData: { clientActivityID: `burst-${i}` } }),
        ),
      );
      for (const id of ids) assert.notEqual(id, 'retry', 'DirectLineJS got an id, not "retry" (what it makes of a 5xx/429)');
      assert.equal(new Set(ids).size, BURST, 'every message got its own id');

      for (let i = 0; i < BURST; i++) {
        // Exact text: 'burst 1' must not be satisfied by the reply to 'burst 10'.
        await activities.waitFor((a) => isBotMessage('')(a) && a.text === `You said: burst ${i}`, `the reply to burst ${i}`, 60_000);
      }
      const replies = activities.activities.filter((a) => a.from?.role === 'bot' && /You said: burst \d+/.test(a.text ?? ''));
      assert.equal(replies.length, BURST, 'exactly one reply per message');
      // Turns of one conversation run one after another, so the replies follow the order of the messages in the log.
      const textById = new Map(activities.activities.map((a) => [a.id, a.text]));
      const loggedOrder = [...ids].sort((x, y) => sequenceOf(x) - sequenceOf(y)).map((id) => textById.get(id));
      assert.deepEqual(
        replies.map((r) => r.text.match(/burst \d+/)[0]),
        loggedOrder,
        'replies follow the order of the messages in the log',
      );
    } finally {
      client.end();
      activities.close();
    }
  });
});
