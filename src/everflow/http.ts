// One Everflow call: auth header, JSON body, timeout, and every way it can fail mapped to a Failure.
// Pure apart from `fetch`, which callers may inject; nothing here touches chrome.* or storage.
import { failure, type Failure } from '../shared/outcome';
import { MESSAGES, TIMEOUT_SECONDS, failureForStatus } from './failures';

export interface Connection {
  /** e.g. https://api.eflow.team/v1 */
  baseUrl: string;
  apiKey: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export type CallResult = { ok: true; status: number; body: unknown } | Failure;

export async function callEverflow(
  connection: Connection,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<CallResult> {
  const doFetch = connection.fetch ?? globalThis.fetch.bind(globalThis);
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), connection.timeoutMs ?? TIMEOUT_SECONDS * 1000);
  try {
    const headers: Record<string, string> = { 'X-Eflow-Api-Key': connection.apiKey, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await doFetch(`${connection.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: timeout.signal,
      // Everflow needs no cookies; never send the browser's.
      credentials: 'omit',
      cache: 'no-store',
    });
    const text = await response.text();
    const json = parseJson(text);
    if (!response.ok) return failureForStatus(response.status, json, connection.apiKey);
    if (json === undefined) return failure('bad-response', MESSAGES.badResponse);
    return { ok: true, status: response.status, body: json };
  } catch {
    // fetch rejects only for network trouble or our own abort; neither detail helps the user.
    return timeout.signal.aborted ? failure('timeout', MESSAGES.timeout) : failure('network', MESSAGES.network);
  } finally {
    clearTimeout(timer);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
