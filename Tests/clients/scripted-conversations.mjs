// The scripted customer conversations (Tests/FirstLine.Dialogs.Tests/Support/Conversations/*.json, the same files
// the in-process runner uses) end to end over Direct Line with botframework-directlinejs in WebSocket mode, against
// the real support bot. Each conversation gets its own client and token; the outcome is read from the server's
// tickets through the REST API. Prints the share resolved at first level and the share escalated, checks every
// escalation carries a priority and a rationale, and exits 1 when any conversation did not end as scripted.
// Run: FIRSTLINE_URL=… FIRSTLINE_SECRET=… FIRSTLINE_API_KEY=… node scripted-conversations.mjs [id-substring]
// (SCRIPTED_PARALLEL, SCRIPTED_LIMIT_MS and SCRIPTED_CONVERSATIONS_DIR override the defaults.)
import './lib/node-globals.mjs';

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ConnectionStatus, DirectLine } from 'botframework-directlinejs';

import { generateToken } from './lib/directline-http.mjs';
import { directLineDomain, firstLineSecret } from './lib/env.mjs';
import { firstLineApiKey, getTicket, listAllTickets } from './lib/firstline-api.mjs';
import { delay, withTimeout } from './lib/wait.mjs';

const SCRIPTS_DIR = process.env.SCRIPTED_CONVERSATIONS_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'FirstLine.Dialogs.Tests', 'Support', 'Conversations');
const PARALLEL = Number(process.env.SCRIPTED_PARALLEL ?? 4);
const GLOBAL_LIMIT_MS = Number(process.env.SCRIPTED_LIMIT_MS ?? 170_000);
const TURN_LIMIT_MS = 30_000; // one answer; only matters when something hangs
const QUIET_MS = 1_500; // no prompt in the answer: it is complete after this long without a bot message
const SETTLE_MS = 250; // after a prompt, catch anything sent right behind it
const PRIORITY_RANK = { P1: 1, P2: 2, P3: 3, P4: 4 };

function loadScripts(filter) {
  const files = readdirSync(SCRIPTS_DIR).filter((f) => f.endsWith('.json')).sort();
  const scripts = files.flatMap((file) => JSON.parse(readFileSync(join(SCRIPTS_DIR, file), 'utf8')));
  return filter ? scripts.filter((s) => s.id.includes(filter)) : scripts;
}

const isBotMessage = (a) => a.type === 'message' && a.from?.role === 'bot';
const isPrompt = (a) => isBotMessage(a) && ((a.suggestedActions?.actions?.length ?? 0) > 0 || a.inputHint === 'expectingInput');

function describe(a) {
  const actions = a.suggestedActions?.actions?.map((x) => x.title ?? x.value);
  const who = a.from?.role === 'bot' ? 'bot ' : a.from?.role === 'user' ? 'user' : a.from?.role ?? '?';
  return `${who}: ${JSON.stringify(a.text ?? a.name ?? '')}${actions?.length ? ` [${actions.join(' | ')}]` : ''}${a.inputHint === 'expectingInput' ? ' (expecting input)' : ''}`;
}

/** One conversation: a fresh token and DirectLineJS client, the greeting, every customer turn answered. */
class Conversation {
  constructor(script) {
    this.script = script;
    this.activities = [];
    this.transcript = [];
    this.changed = () => {};
  }

  async run(deadline) {
    const minted = await generateToken(firstLineSecret());
    const locale = this.script.locale;
    this.client = new DirectLine({
      domain: directLineDomain(),
      token: minted.token,
      webSocket: true,
      timeout: 20_000,
      ...(locale ? { conversationStartProperties: { locale } } : {}),
    });
    this.subscription = this.client.activity$.subscribe(
      (activity) => {
        if (activity.type === 'typing') return;
        this.activities.push(activity);
        this.lastArrival = Date.now();
        this.transcript.push(describe(activity));
        this.changed();
      },
      (error) => {
        this.error = error;
        this.changed();
      },
    );
    await this.#online();
    this.conversationId = this.client.conversationId;

    // The greeting (the bot speaks first on conversationUpdate).
    await this.#answered(0, 'the greeting');
    for (const turn of this.script.turns) {
      if (Date.now() > deadline) throw new Error('the global time limit was reached');
      const text = this.#asClicked(turn);
      this.transcript.push(`  -> sending ${JSON.stringify(text)}${text !== turn ? ` (clicked "${turn}")` : ''}`);
      const postedId = await withTimeout(
        new Promise((resolve, reject) =>
          this.client
            .postActivity({ type: 'message', from: { id: 'customer', name: 'Customer' }, text, ...(locale ? { locale } : {}) })
            .subscribe(resolve, reject)),
        TURN_LIMIT_MS,
        `postActivity(${JSON.stringify(text)})`,
      );
      const echo = await this.#waitFor((a) => a.id === postedId, `the echo of ${JSON.stringify(text)}`);
      await this.#answered(this.activities.indexOf(echo) + 1, `the answer to ${JSON.stringify(text)}`);
    }
  }

  /** Web Chat's imBack: when the script's turn is the title of a suggested action just offered, its value is sent. */
  #asClicked(turn) {
    const lastBot = [...this.activities].reverse().find(isBotMessage);
    const action = lastBot?.suggestedActions?.actions?.find(
      (a) => (a.title ?? '').trim().toLowerCase() === turn.trim().toLowerCase() && (a.type === 'imBack' || a.type === 'postBack' || a.type === 'messageBack'),
    );
    return action && typeof action.value === 'string' && action.value ? action.value : turn;
  }

  #online() {
    return withTimeout(
      new Promise((resolve, reject) => {
        const sub = this.client.connectionStatus$.subscribe((status) => {
          if (status === ConnectionStatus.Online) {
            resolve();
            setImmediate(() => sub.unsubscribe());
          } else if (status === ConnectionStatus.FailedToConnect || status === ConnectionStatus.ExpiredToken) {
            reject(new Error(`connection status ${ConnectionStatus[status]}`));
          }
        });
      }),
      TURN_LIMIT_MS,
      'the connection to be online',
    );
  }

  #waitFor(predicate, what, ms = TURN_LIMIT_MS) {
    return withTimeout(
      new Promise((resolve, reject) => {
        const check = () => {
          if (this.error) return reject(new Error(`activity$ failed: ${this.error?.message ?? this.error}`));
          const found = this.activities.find(predicate);
          if (found) resolve(found);
        };
        this.changed = check;
        check();
      }),
      ms,
      what,
    );
  }

  /**
   * Bot messages from index `from` on answer the turn. It is answered when one of them prompts (suggested actions
   * or expectingInput) and nothing follows within SETTLE_MS, or when QUIET_MS pass after the last bot message.
   */
  async #answered(from, what) {
    const started = Date.now();
    await this.#waitFor((a, i) => i >= from && isBotMessage(a), what);
    for (;;) {
      const count = this.activities.length;
      const last = this.activities[count - 1];
      await delay(isPrompt(last) ? SETTLE_MS : 200);
      if (this.activities.length !== count) continue;
      if (isPrompt(last)) return;
      if (Date.now() - this.lastArrival >= QUIET_MS) return;
      if (Date.now() - started > TURN_LIMIT_MS) throw new Error(`Timed out after ${TURN_LIMIT_MS} ms waiting for ${what} to end`);
    }
  }

  end() {
    this.subscription?.unsubscribe();
    this.client?.end();
  }
}

/** The conversation's ticket as the server knows it: Closed → withdrawn, Resolved → resolved, level 2+ → escalated. */
function outcomeOf(detail) {
  if (!detail) return 'no ticket';
  const { status, level } = detail.ticket;
  if (status === 'Resolved' && level === 1) return 'resolved';
  if (status === 'Closed') return 'withdrawn';
  if (level >= 2) return 'escalated';
  return status.toLowerCase();
}

function resolutionArticle(detail) {
  return [...(detail?.audit ?? [])].reverse().find((a) => a.field === 'ResolutionArticleId')?.newValue ?? undefined;
}

function rationaleOf(detail) {
  const r = detail?.priorityRationale;
  return Array.isArray(r?.rationale) ? r.rationale : undefined;
}

function problemOf(run) {
  const expect = run.script.expect;
  if (run.error) return `failed: ${run.error}`;
  if (run.outcome !== expect.outcome) return `expected ${expect.outcome}, but it ended ${run.outcome}`;
  if (expect.article && run.article !== expect.article) return `expected it solved by ${expect.article}, but by ${run.article}`;
  if (run.outcome === 'escalated') {
    const priority = run.detail.ticket.priority;
    const rationale = rationaleOf(run.detail);
    if (!PRIORITY_RANK[priority] || !rationale?.length) {
      return `escalated without a priority and its rationale (priority ${priority}, rationale ${JSON.stringify(run.detail.priorityRationale)})`;
    }
    if (expect.minPriority && PRIORITY_RANK[priority] > PRIORITY_RANK[expect.minPriority]) {
      return `expected at least ${expect.minPriority}, got ${priority} (${rationale.map((x) => x.detail ?? JSON.stringify(x)).join('; ')})`;
    }
  }
  return undefined;
}

async function main() {
  const started = Date.now();
  const deadline = started + GLOBAL_LIMIT_MS;
  const apiKey = firstLineApiKey();
  const all = loadScripts(process.argv[2]);
  // A script written for another channel (email: one message per turn, answered in one reply) is that channel's
  // conversation; its answers do not fit a chat's prompts, so it is listed but not run over Direct Line.
  const scripts = all.filter((s) => !s.channel || s.channel === 'directline' || s.channel === 'webchat');
  if (scripts.length === 0) throw new Error(`no scripts in ${SCRIPTS_DIR}`);
  console.log(`scripted: running ${scripts.length} conversations from ${SCRIPTS_DIR}, ${PARALLEL} at a time`);
  for (const s of all.filter((x) => !scripts.includes(x))) console.log(`  not over Direct Line: ${s.id} (channel ${s.channel})`);

  const runs = scripts.map((script) => ({ script }));
  let next = 0;
  const worker = async () => {
    while (next < runs.length) {
      const run = runs[next++];
      if (Date.now() > deadline) {
        run.error = 'not started: the global time limit was reached';
        continue;
      }
      const conversation = new Conversation(run.script);
      run.conversation = conversation;
      const t0 = Date.now();
      try {
        await conversation.run(deadline);
      } catch (error) {
        run.error = error?.message ?? String(error);
      } finally {
        conversation.end();
      }
      run.conversationId = conversation.conversationId;
      run.transcript = conversation.transcript;
      console.log(`  finished ${run.script.id} in ${((Date.now() - t0) / 1000).toFixed(1)} s${run.error ? ` (${run.error})` : ''}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, runs.length) }, worker));

  // What the server recorded: every ticket, matched to its conversation by the ids in its transcript.
  const tickets = await listAllTickets(apiKey);
  const details = await Promise.all(tickets.map((t) => getTicket(t.number, apiKey)));
  for (const run of runs) {
    if (!run.conversationId) continue;
    // A new problem mid-conversation may open a second ticket: the outcome is the latest one's.
    const mine = details
      .filter((d) => d.transcript.some((e) => (e.id ?? '').startsWith(`${run.conversationId}|`)))
      .sort((a, b) => Date.parse(a.ticket.createdAt) - Date.parse(b.ticket.createdAt) || a.ticket.number.localeCompare(b.ticket.number));
    run.detail = mine.at(-1);
    run.others = mine.slice(0, -1).map((d) => `${d.ticket.number} ${d.ticket.status}`);
  }

  for (const run of runs) {
    run.outcome = outcomeOf(run.detail);
    run.article = resolutionArticle(run.detail);
    run.problem = problemOf(run);
  }

  const total = runs.length;
  const count = (o) => runs.filter((r) => r.outcome === o).length;
  const pct = (n) => `${Math.round((100 * n) / total)} %`;
  const resolved = count('resolved');
  const escalated = count('escalated');
  const withPriority = runs.filter((r) => r.outcome === 'escalated' && PRIORITY_RANK[r.detail.ticket.priority] && rationaleOf(r.detail)?.length).length;

  console.log('');
  for (const run of runs) {
    const t = run.detail?.ticket;
    const detail = run.outcome === 'resolved' ? run.article : run.outcome === 'escalated' ? `${t.priority} (${rationaleOf(run.detail)?.length ?? 0} reasons)` : '';
    console.log(`  ${run.script.id.padEnd(40)} ${run.outcome.padEnd(10)} ${(t?.number ?? '').padEnd(12)} ${detail ?? ''}${run.others?.length ? ` (earlier: ${run.others.join(', ')})` : ''}${run.problem ? `  <-- ${run.problem}` : ''}`);
  }
  const failures = runs.filter((r) => r.problem);
  for (const run of failures) {
    console.log(`\nFAILED ${run.script.id} (${run.script.mood}, ${run.script.locale ?? run.script.channel ?? 'no locale'}): ${run.problem}`);
    console.log(`  conversation ${run.conversationId ?? '(none)'}, ticket ${run.detail?.ticket?.number ?? '(none)'}${run.others?.length ? ` (earlier: ${run.others.join(', ')})` : ''}`);
    for (const line of run.transcript ?? []) console.log(`    ${line}`);
  }
  console.log('');
  console.log(`scripted: ${total} conversations, resolved at first level ${resolved} (${pct(resolved)}), escalated ${escalated} (${pct(escalated)}), other ${total - resolved - escalated}; ` +
    `${all.length - scripts.length} of another channel not run; escalations with priority and rationale ${withPriority}/${escalated}; as scripted ${total - failures.length}/${total}; ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exitCode = failures.length === 0 ? 0 : 1;
}

const hardStop = setTimeout(() => {
  console.error(`scripted: hard time limit of ${GLOBAL_LIMIT_MS + 30_000} ms exceeded`);
  process.exit(2);
}, GLOBAL_LIMIT_MS + 30_000);
hardStop.unref();

main()
  .catch((error) => {
    console.error(error?.stack ?? error);
    process.exitCode = 1;
  })
  .finally(() => setTimeout(() => process.exit(process.exitCode ?? 0), 100).unref());
