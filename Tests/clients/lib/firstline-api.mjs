// FirstLine's ticket REST API (/api/tickets), read with an API key, so a client test can check what the server
// really recorded (status, level, priority and its rationale, the article that solved it).
import { firstLineUrl } from './env.mjs';

const TIMEOUT_MS = 30_000;

export function firstLineApiKey() {
  const key = process.env.FIRSTLINE_API_KEY;
  if (!key) throw new Error('FIRSTLINE_API_KEY is not set (a REST API key, e.g. from `apikey create --name tests`)');
  return key;
}

export async function getApi(path, key = firstLineApiKey()) {
  const response = await fetch(`${firstLineUrl()}/api/${path}`, {
    headers: { Authorization: `Bearer ${key}`, Accept: 'application/json' },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET /api/${path}: expected HTTP 200, got ${response.status}: ${text}`);
  return JSON.parse(text);
}

/** Every ticket (all statuses), newest pages first as the API orders them. */
export async function listAllTickets(key) {
  const items = [];
  for (let page = 1; ; page++) {
    const result = await getApi(`tickets?pageSize=200&page=${page}`, key);
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0) return items;
  }
}

export const getTicket = (number, key) => getApi(`tickets/${encodeURIComponent(number)}`, key);
