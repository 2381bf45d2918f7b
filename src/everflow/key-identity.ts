// What a key is: a network's key (the Network API answers its network info) or a partner's (the
// Affiliate API answers the partner and its network), and in which region Everflow knows it. A key
// works on one realm only: the other answers 403 "Out Of Realm" (developers.everflow.io:
// api-reference/get-networksinfo, api-reference/affiliate-overview, user-guide/errors).
import { MESSAGES, failure, type Failure } from './failures';
import { callEverflow, type CallResult, type Connection } from './http';
import { MAX_ID } from './link-fields';
import { PARTNER_PATHS } from './partner';
import { REGIONS, REGION_IDS, type Region } from './regions';
import { cleanText, shortened } from './text';

export type KeyIdentity =
  | {
      kind: 'network';
      networkId: number;
      name: string;
      /** The subdomain of the network's dashboard: https://<identifier>.everflowclient.io/. */
      identifier?: string;
      displayedName?: string;
    }
  | { kind: 'partner'; networkId: number; networkName: string; partnerId: number; partnerName: string };

/** "Get Network Info": the reference page's OpenAPI says GET /networks, one newer page /networks/info (tried on a 404). */
export const NETWORK_INFO_PATHS = ['/networks', '/networks/info'] as const;

export const IDENTITY_MESSAGES = {
  /** 403 on both realms: a key Everflow knows, but whose permissions let it read neither. */
  neitherRealm:
    'Everflow knows this API key but lets it read neither a network’s details nor a partner’s, so the extension cannot tell whose key it is; check the key’s permissions in Everflow (Control Center, Security), or ask your network for a partner API key.',
  /** 401 in every region. */
  noRegion: `Neither Everflow’s ${REGION_IDS.map((id) => REGIONS[id].label).join(' nor its ')} region accepted this API key (it may be mistyped or revoked); check it, or make a new one in Everflow.`,
} as const;

const MAX_NAME = 120;
/** A DNS label: what can stand before .everflowclient.io. */
const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

const nameOf = (value: unknown): string => (typeof value === 'string' ? shortened(cleanText(value), MAX_NAME) : '');
const idOf = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_ID ? value : undefined;
const recordOf = (result: CallResult & { ok: true }): Record<string, unknown> =>
  typeof result.body === 'object' && result.body !== null && !Array.isArray(result.body) ? (result.body as Record<string, unknown>) : {};

const unreadable = (): Failure => failure('bad-response', MESSAGES.badResponse);

function networkIdentity(info: Record<string, unknown>): KeyIdentity | Failure {
  const networkId = idOf(info.network_id);
  if (networkId === undefined) return unreadable();
  const displayedName = nameOf(info.displayed_name);
  // Checked as it came, not cleaned: a link to the dashboard is built from it.
  const identifier = typeof info.identifier === 'string' ? info.identifier.trim().toLowerCase() : '';
  return {
    kind: 'network',
    networkId,
    name: nameOf(info.name) || displayedName || `Network ${networkId}`,
    ...(SUBDOMAIN.test(identifier) ? { identifier } : {}),
    ...(displayedName ? { displayedName } : {}),
  };
}

/** A 403 on the Affiliate API too: the key is neither a network's nor a partner's. */
const neither = (result: Failure) => (result.kind === 'forbidden' ? failure('forbidden', IDENTITY_MESSAGES.neitherRealm) : result);

/** A 403 on the Network API: the key may be a partner's. */
async function partnerIdentity(connection: Connection): Promise<KeyIdentity | Failure> {
  const self = await callEverflow(connection, 'GET', PARTNER_PATHS.self);
  if (!self.ok) return neither(self);
  const network = await callEverflow(connection, 'GET', PARTNER_PATHS.network);
  if (!network.ok) return neither(network);
  const partner = recordOf(self);
  const info = recordOf(network);
  const partnerId = idOf(partner.network_affiliate_id);
  // The partner's own answer names its network too; either will do.
  const networkId = idOf(info.network_id) ?? idOf(partner.network_id);
  if (partnerId === undefined || networkId === undefined) return unreadable();
  return {
    kind: 'partner',
    networkId,
    networkName: nameOf(info.name) || `Network ${networkId}`,
    partnerId,
    partnerName: nameOf(partner.name) || `Partner ${partnerId}`,
  };
}

/**
 * Whose key this is, asked of Everflow: its network info, or (a 403 there) the partner and its
 * network. A 401 is `unauthorized`, as for every call.
 */
export async function identifyKey(connection: Connection): Promise<KeyIdentity | Failure> {
  const infoAt = (path: string) => callEverflow({ ...connection, acceptNotFound: true }, 'GET', path);
  let info = await infoAt(NETWORK_INFO_PATHS[0]);
  if (info.ok && info.status === 404) info = await infoAt(NETWORK_INFO_PATHS[1]);
  // Neither path is there: Everflow's network info has moved somewhere unknown.
  if (info.ok && info.status === 404) return unreadable();
  if (info.ok) return networkIdentity(recordOf(info));
  return info.kind === 'forbidden' ? partnerIdentity(connection) : info;
}

export type IdentifiedKey = { ok: true; identity: KeyIdentity; region: Region; triedOther: boolean } | Failure;

/**
 * The key's identity and region: the preferred region first and, when Everflow there does not know
 * the key (401), the other once, unless `otherRegion` is false (the region is pinned). Any other
 * failure in the other region is the one said (it is news of the key there).
 */
export async function identifyInEitherRegion(
  connectionFor: (region: Region) => Connection,
  preferred: Region,
  otherRegion = true,
): Promise<IdentifiedKey> {
  const first = await identifyKey(connectionFor(preferred));
  // A KeyIdentity has no `ok`; a Failure's is false.
  if (!('ok' in first)) return { ok: true, identity: first, region: preferred, triedOther: false };
  if (first.kind !== 'unauthorized' || !otherRegion) return first;
  const other = REGION_IDS.find((id) => id !== preferred)!;
  const second = await identifyKey(connectionFor(other));
  if (!('ok' in second)) return { ok: true, identity: second, region: other, triedOther: true };
  return second.kind === 'unauthorized' ? failure('unauthorized', IDENTITY_MESSAGES.noRegion) : second;
}
