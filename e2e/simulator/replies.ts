// What the simulator sends back, and the checks every endpoint shares: JSON bodies, Everflow's error
// bodies (`{"error": …}` as its docs show, or `{"Error": …}` as public client libraries read them),
// the documented body fields of a call, and paging.

/** What goes back on the wire. */
export type Reply = { status: number; headers: Record<string, string>; body: string | Buffer } | { abort: true } | { hang: true };
export type StatusReply = Extract<Reply, { status: number }>;

/**
 * The name of the one field of an error body. The current docs (user-guide/errors) show `error`;
 * three public client libraries read `Error`. Choosable per simulator and per network.
 */
export type ErrorField = 'error' | 'Error';

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): StatusReply => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/** Everflow's refusal: one field with one sentence. */
export type Fail = (status: number, message: string, headers?: Record<string, string>) => StatusReply;

export const failWith =
  (field: ErrorField): Fail =>
  (status, message, headers = {}) =>
    json(status, { [field]: message }, headers);

export type FieldType = 'integer' | 'string' | 'boolean' | 'array' | 'object';

function typeOf(value: unknown): FieldType | 'other' {
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'other';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object' && value !== null) return 'object';
  return 'other';
}

/** 400 for a body that is not an object, an unknown field, a wrong type, or a missing required field. */
export function checkBody(body: unknown, fields: Record<string, FieldType>, required: string[] = []): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'Invalid parameters: the body must be a JSON object.';
  const record = body as Record<string, unknown>;
  for (const [name, value] of Object.entries(record)) {
    const type = fields[name];
    if (!type) return `Invalid parameters: unknown field "${name}".`;
    if (typeOf(value) !== type) return `Invalid parameters: "${name}" must be ${type === 'integer' ? 'an integer' : `a ${type}`}.`;
  }
  for (const name of required) if (record[name] === undefined) return `Invalid parameters: "${name}" is required.`;
  return undefined;
}

function positive(value: unknown, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export interface Paging {
  page: number;
  page_size: number;
  total_count: number;
}

/** `page` (from 1) and `page_size` (default 50, at most 2000) from the query string or a body's `paging` (user-guide/paging). */
export function paging(url: URL, bodyPaging: unknown, total: number): Paging {
  const fromBody = (typeof bodyPaging === 'object' && bodyPaging !== null ? bodyPaging : {}) as { page?: unknown; page_size?: unknown };
  const page = positive(url.searchParams.get('page') ?? fromBody.page, 1);
  const pageSize = Math.min(2000, positive(url.searchParams.get('page_size') ?? fromBody.page_size, 50));
  return { page, page_size: pageSize, total_count: total };
}

/** The items of one page. */
export const pageOf = <T>(items: T[], page: Paging): T[] => items.slice((page.page - 1) * page.page_size, page.page * page.page_size);
