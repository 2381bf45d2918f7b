// The options page's "Test connection": one cheap read-only Network API call that proves key and region.
import type { Failure } from './failures';
import { callEverflow, type Connection } from './http';

export const CONNECTION_CHECK_PATH = '/networks/domains/tracking';

export async function checkConnection(connection: Connection): Promise<{ ok: true; domains?: number } | Failure> {
  const result = await callEverflow(connection, 'GET', CONNECTION_CHECK_PATH);
  if (!result.ok) return result;
  const domains = (result.body as { domains?: unknown } | null)?.domains;
  return Array.isArray(domains) ? { ok: true, domains: domains.length } : { ok: true };
}
