// A customer's DirectLineJS client stays open while FirstLine restarts (a deploy, a crash): it must find its
// way back by itself and lose nothing. The driver (xunit) restarts the server when this script asks:
//   stdout "FIRSTLINE:RESTART-NOW"  →  driver restarts FirstLine on the same port  →  stdin "RESTARTED"
// Run by hand: FIRSTLINE_URL=… FIRSTLINE_SECRET=… node directline-restart.mjs, restart the server, type RESTARTED.
import './lib/node-globals.mjs';

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';

import { ConnectionStatus, DirectLine } from 'botframework-directlinejs';

import { ActivityCollector } from './lib/activity-collector.mjs';
import { generateToken, sequenceOf } from './lib/directline-http.mjs';
import { directLineDomain, firstLineSecret } from './lib/env.mjs';
import { withTimeout } from './lib/wait.mjs';

const SCRIPT_TIMEOUT_MS = 240_000;
const started = Date.now();
const log = (message) => console.log(`[directline-restart ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
const isBotMessage = (text) => (a) => a.type === 'message' && a.from?.role === 'bot' && (a.text ?? '').includes(text);

function post(client, activity) {
  return withTimeout(
    new Promise((resolve, reject) => client.postActivity(activity).subscribe(resolve, reject)),
    60_000,
    `postActivity(${JSON.stringify(activity.text)})`,
  );
}

function nextStdinLine() {
  const lines = createInterface({ input: process.stdin });
  return new Promise((resolve) => lines.once('line', (line) => { lines.close(); resolve(line.trim()); }));
}

async function main() {
  const { token } = await generateToken(firstLineSecret());
  // A short request timeout: while the server is down, DirectLineJS retries its reconnect every `timeout` ms.
  const client = new DirectLine({ domain: directLineDomain(), token, webSocket: true, timeout: 5_000, conversationStartProperties: { locale: 'en-US' } });
  const statuses = [];
  client.connectionStatus$.subscribe((status) => {
    statuses.push(ConnectionStatus[status]);
    log(`connection status ${ConnectionStatus[status]}`);
  });
  const activities = new ActivityCollector(client, log);
  const user = { id: 'restart-user' };
  try {
    await activities.waitFor(isBotMessage('Hello'), 'the greeting', 60_000);
    await post(client, { type: 'message', from: user, text: 'before the restart', channelData: { clientActivityID: randomUUID() } });
    await activities.waitFor(isBotMessage('You said: before the restart'), 'the reply before the restart', 60_000);

    console.log('FIRSTLINE:RESTART-NOW');
    const answer = await withTimeout(nextStdinLine(), 120_000, 'the driver to say RESTARTED');
    assert.equal(answer, 'RESTARTED');
    log('the server is back; the client was left alone to reconnect by itself');

    const clientActivityID = randomUUID();
    const id = await post(client, { type: 'message', from: user, text: 'after the restart', channelData: { clientActivityID } });
    assert.notEqual(id, 'retry', 'the post after the restart was accepted');
    await activities.waitFor((a) => a.channelData?.clientActivityID === clientActivityID, 'the echo after the restart', 90_000);
    await activities.waitFor(isBotMessage('You said: after the restart'), 'the reply after the restart', 90_000);

    const ids = activities.activities.filter((a) => a.type !== 'typing').map((a) => a.id);
    assert.equal(new Set(ids).size, ids.length, `no activity arrived twice: ${ids.join(', ')}`);
    const sequences = ids.map(sequenceOf);
    assert.deepEqual(sequences, sequences.map((_, i) => i), `every activity arrived once and in order: ${sequences.join(',')}`);
    assert.equal(client.connectionStatus$.getValue(), ConnectionStatus.Online, `the client is online (statuses: ${statuses.join(' → ')})`);
    log('passed');
    return 0;
  } finally {
    client.end();
    activities.close();
  }
}

const timer = setTimeout(() => {
  console.error(`FAILED: directline-restart took longer than ${SCRIPT_TIMEOUT_MS} ms`);
  process.exit(1);
}, SCRIPT_TIMEOUT_MS);
try {
  process.exitCode = await main();
} catch (error) {
  console.error(`FAILED: ${error?.stack ?? error}`);
  process.exitCode = 1;
} finally {
  clearTimeout(timer);
  process.stdin.destroy();
}
