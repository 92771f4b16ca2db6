// Raw Direct Line 3.0 calls, the way a website backend (tokens/generate) or a curious attacker would make them.
// Used next to DirectLineJS for what the client library cannot do on its own.
import { directLineDomain } from './env.mjs';

const TIMEOUT_MS = 30_000;

export async function callDirectLine(method, path, { bearer, body, headers = {} } = {}) {
  const response = await fetch(`${directLineDomain()}/${path}`, {
    method,
    headers: {
      ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      Accept: 'application/json',
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await response.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}

/** Like `callDirectLine` but fails loudly with the whole response when the status is not the expected one. */
export async function expectDirectLine(expectedStatus, method, path, options) {
  const result = await callDirectLine(method, path, options);
  const expected = Array.isArray(expectedStatus) ? expectedStatus : [expectedStatus];
  if (!expected.includes(result.status)) {
    throw new Error(`${method} ${path}: expected HTTP ${expected.join(' or ')}, got ${result.status}: ${result.text}`);
  }
  return result.json;
}

/** What a website backend does: exchange the secret for a conversation-scoped token. */
export function generateToken(secret, body) {
  return expectDirectLine(200, 'POST', 'tokens/generate', { bearer: secret, body });
}

export function startConversation(token) {
  return expectDirectLine([200, 201], 'POST', 'conversations', { bearer: token, body: {} });
}

export function postMessage(token, conversationId, text, extra = {}) {
  return expectDirectLine(200, 'POST', `conversations/${encodeURIComponent(conversationId)}/activities`, {
    bearer: token,
    body: { type: 'message', from: { id: 'raw-http-user' }, text, ...extra },
  });
}

export function getActivities(token, conversationId, watermark = '') {
  return expectDirectLine(
    200,
    'GET',
    `conversations/${encodeURIComponent(conversationId)}/activities?watermark=${encodeURIComponent(watermark)}`,
    { bearer: token },
  );
}

/** The sequence number in an activity id `{conversationId}|{seq:D7}`. */
export function sequenceOf(activityId) {
  const match = /\|(\d{7})$/.exec(activityId ?? '');
  if (!match) throw new Error(`Activity id "${activityId}" is not {conversationId}|{seq:D7}`);
  return Number(match[1]);
}
