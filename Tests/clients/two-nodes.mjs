// Two FirstLine nodes, one desk, seen by a real customer client (botframework-directlinejs over WebSockets) behind
// a small load balancer (lib/balancer.mjs). Scenarios (argv[2]):
//   stream-on-a-posts-through-b        the stream sits on node A, every post goes to node B: every echo and reply
//                                      arrives on the stream, once, in the order of the shared log
//   agent-on-b-answers-customer-on-a   the customer is on node A only; an agent answers through node B's REST API
//   node-a-dies                        node A is killed mid-conversation (driver: stdout FIRSTLINE:KILL-A, stdin
//                                      KILLED); the balancer sends everything to node B; the client reconnects with
//                                      its watermark by itself and nothing is lost or arrives twice
// Env: FIRSTLINE_NODE_A, FIRSTLINE_NODE_B, FIRSTLINE_SECRET, FIRSTLINE_API_KEY (and FIRSTLINE_URL for the token).
// Prints "PASSED <scenario>" and exits 0 when the scenario held.
import './lib/node-globals.mjs';

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';

import { ConnectionStatus, DirectLine } from 'botframework-directlinejs';

import { ActivityCollector } from './lib/activity-collector.mjs';
import { Balancer } from './lib/balancer.mjs';
import { generateToken, sequenceOf } from './lib/directline-http.mjs';
import { firstLineSecret } from './lib/env.mjs';
import { firstLineApiKey } from './lib/firstline-api.mjs';
import { delay, eventually, withTimeout } from './lib/wait.mjs';

const SCRIPT_TIMEOUT_MS = 200_000;
const TURN_MS = 60_000;
const started = Date.now();
const log = (message) => console.log(`[two-nodes ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
const NODE_A = requireEnv('FIRSTLINE_NODE_A');
const NODE_B = requireEnv('FIRSTLINE_NODE_B');

function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (the base URL of a FirstLine node, e.g. http://127.0.0.1:5081)`);
  return value.replace(/\/+$/, '');
}

const isBotMessage = (a) => a.type === 'message' && a.from?.role === 'bot';

/** A customer with DirectLineJS pointed at the balancer, as Web Chat on a website would be. */
class Customer {
  async open(balancer) {
    this.minted = await generateToken(firstLineSecret());
    this.client = new DirectLine({
      domain: `${balancer.url}/v3/directline`,
      token: this.minted.token,
      webSocket: true,
      // A turn's POST returns once the bot has answered; a node's first turn (cold caches) can take seconds.
      timeout: 20_000,
      conversationStartProperties: { locale: 'en-US' },
    });
    this.statuses = [];
    this.client.connectionStatus$.subscribe((status) => {
      this.statuses.push(ConnectionStatus[status]);
      log(`connection status ${ConnectionStatus[status]}`);
    });
    this.activities = new ActivityCollector(this.client, log);
    await this.activities.waitFor(isBotMessage, 'the greeting', TURN_MS);
  }

  get conversationId() {
    return this.minted.conversationId;
  }

  /** Sends a message and waits for its echo and for the bot's (or anyone's) answer after it on the stream. */
  async say(text) {
    const clientActivityID = randomUUID();
    const id = await withTimeout(
      new Promise((resolve, reject) => this.client.postActivity({ type: 'message', from: { id: 'two-nodes-customer' }, text, channelData: { clientActivityID } }).subscribe(resolve, reject)),
      TURN_MS,
      `postActivity(${JSON.stringify(text)})`,
    );
    assert.notEqual(id, 'retry', `"${text}" was accepted`);
    const echo = await this.activities.waitFor((a) => a.channelData?.clientActivityID === clientActivityID, `the echo of "${text}"`, TURN_MS);
    await this.activities.waitFor((a) => isBotMessage(a) && sequenceOf(a.id) > sequenceOf(echo.id), `an answer to "${text}"`, TURN_MS);
    return echo;
  }

  /** Waits until nothing new has arrived for a while (the bot's answer may have several messages). */
  async settle(quietMs = 2_000) {
    let seen = -1;
    while (seen !== this.activities.activities.length) {
      seen = this.activities.activities.length;
      await delay(quietMs);
    }
  }

  /** Everything the stream delivered is exactly the shared log, read through `node`: same ids, same order, none twice. */
  async assertStreamEqualsLog(node) {
    const logged = [];
    let watermark = '';
    for (;;) {
      const response = await fetch(`${node}/v3/directline/conversations/${encodeURIComponent(this.conversationId)}/activities?watermark=${watermark}`, {
        headers: { Authorization: `Bearer ${this.minted.token}` },
        signal: AbortSignal.timeout(30_000),
      });
      assert.equal(response.status, 200, `reading the log through ${node}`);
      const page = await response.json();
      logged.push(...page.activities.map((a) => a.id));
      if (page.activities.length === 0 || page.watermark === watermark) break;
      watermark = page.watermark;
    }
    const received = this.activities.activities.filter((a) => a.type !== 'typing').map((a) => a.id);
    assert.equal(new Set(received).size, received.length, `no activity arrived twice: ${received.join(', ')}`);
    assert.deepEqual(received, logged, 'the stream delivered every logged activity, in the order of the log');
    const sequences = received.map(sequenceOf);
    assert.deepEqual(sequences, sequences.map((_, i) => i), `every activity arrived in order, none missing: ${sequences.join(',')}`);
    log(`the stream delivered all ${received.length} activities of the log in order, none twice`);
  }

  close() {
    this.client?.end();
    this.activities?.close();
  }
}

async function api(node, method, path, body) {
  const response = await fetch(`${node}/api/${path}`, {
    method,
    headers: { Authorization: `Bearer ${firstLineApiKey()}`, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined, text };
}

/** The ticket whose record mentions `marker`, read through `node`'s REST API. */
async function findTicket(node, marker) {
  return eventually(async () => {
    const list = await api(node, 'GET', 'tickets?pageSize=200');
    assert.equal(list.status, 200, `GET /api/tickets through ${node}: ${list.text}`);
    for (const item of list.json.items) {
      const ticket = await api(node, 'GET', `tickets/${encodeURIComponent(item.number)}`);
      if (ticket.text.includes(marker)) return item;
    }
    return undefined;
  }, 30_000, `a ticket mentioning ${marker} through ${node}`, 500);
}

/** Opens the customer behind a balancer with `targets`, runs `scenario`, and closes both whatever happens. */
async function behindBalancer(customer, targets, scenario) {
  const balancer = new Balancer(targets, log);
  await balancer.listen();
  try {
    await customer.open(balancer);
    await scenario(balancer);
  } finally {
    customer.close();
    await balancer.close();
  }
}

function nextStdinLine() {
  const lines = createInterface({ input: process.stdin });
  return new Promise((resolve) => lines.once('line', (line) => { lines.close(); resolve(line.trim()); }));
}

const scenarios = {
  'stream-on-a-posts-through-b': (customer) => behindBalancer(customer, { http: NODE_B, stream: NODE_A }, async (balancer) => {
    for (const text of ['My WiFi is not working', 'It still does not connect', 'What else can I try?']) {
      await customer.say(text);
    }
    await customer.settle();
    assert.ok(balancer.count('stream', NODE_A) >= 1, 'the stream was on node A');
    assert.equal(balancer.count('stream', NODE_B), 0, 'no stream was on node B');
    assert.ok(balancer.count('http', NODE_B) >= 4, 'the conversation was started and every message posted through node B');
    await customer.assertStreamEqualsLog(NODE_A);
  }),

  'agent-on-b-answers-customer-on-a': (customer) => behindBalancer(customer, { http: NODE_A, stream: NODE_A }, async (balancer) => {
    const marker = `printer-${randomUUID().slice(0, 8)}`;
    await customer.say(`The ${marker} on the 3rd floor does not print`);
    await customer.settle();
    const ticket = await findTicket(NODE_B, marker);
    log(`node B sees ticket ${ticket.number} of the customer on node A`);

    const text = `Hello, this is Anna (node B). I am looking at ${marker} now.`;
    const reply = await api(NODE_B, 'POST', `tickets/${encodeURIComponent(ticket.number)}/replies`, { text });
    assert.equal(reply.status, 201, `the reply through node B was delivered at once: ${reply.text}`);
    await customer.activities.waitFor((a) => a.type === 'message' && a.text === text, 'the agent\'s reply on the customer\'s stream on node A', TURN_MS);
    log('the customer on node A got the agent\'s reply written on node B');

    const answer = `Thanks Anna, ${marker} shows error 50.4`;
    await customer.say(answer);
    await eventually(async () => (await api(NODE_B, 'GET', `tickets/${encodeURIComponent(ticket.number)}`)).text.includes('error 50.4'), 30_000, 'the customer\'s answer on the ticket through node B', 500);
    log('the agent on node B sees the customer\'s answer');
    await customer.settle();
    assert.equal(balancer.count('stream', NODE_B) + balancer.count('http', NODE_B), 0, 'the customer never talked to node B');
    await customer.assertStreamEqualsLog(NODE_B);
  }),

  'node-a-dies': (customer) => behindBalancer(customer, { http: NODE_A, stream: NODE_A }, async (balancer) => {
    await customer.say('My WiFi is not working');
    await customer.settle();

    console.log('FIRSTLINE:KILL-A');
    assert.equal(await withTimeout(nextStdinLine(), 60_000, 'the driver to say KILLED'), 'KILLED');
    log('node A is dead; the balancer takes it out of the pool');
    balancer.switchAllTo(NODE_B);

    await customer.say('It still does not connect');
    await customer.say('What else can I try?');
    await customer.settle();
    assert.ok(balancer.count('stream', NODE_B) >= 1, 'the client reconnected its stream to node B by itself');
    await customer.assertStreamEqualsLog(NODE_B);
    assert.equal(customer.client.connectionStatus$.getValue(), ConnectionStatus.Online, `the client is online (statuses: ${customer.statuses.join(' → ')})`);
  }),
};

async function main() {
  const name = process.argv[2];
  const scenario = scenarios[name];
  if (!scenario) throw new Error(`usage: node two-nodes.mjs <${Object.keys(scenarios).join('|')}>`);
  await scenario(new Customer());
  log(`PASSED ${name}`);
}

const timer = setTimeout(() => {
  console.error(`FAILED: two-nodes took longer than ${SCRIPT_TIMEOUT_MS} ms`);
  process.exit(1);
}, SCRIPT_TIMEOUT_MS);
try {
  await main();
  process.exitCode = 0;
} catch (error) {
  console.error(`FAILED: ${error?.stack ?? error}`);
  process.exitCode = 1;
} finally {
  clearTimeout(timer);
  process.stdin.destroy();
}
