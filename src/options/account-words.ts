// What the options page says of an account, and how it reads what is typed into an account's settings:
// pure, so each sentence and rule is tested once.
import { hiddenCharacters, hiddenCharactersSentence } from '../everflow/hidden-characters';
import { REGIONS, type Region } from '../everflow/regions';
import { MAX_ACCOUNT_LABEL, PARTNER_REQUESTS_PER_SECOND, defaultPace, type Account, type AccountKind } from '../shared/accounts/accounts';
import { MAX_REQUESTS_PER_SECOND } from '../shared/settings/settings';

/** "United States (api.eflow.team)": a region as the Region choice and an account's facts name it. */
export const regionWords = (region: Region) => `${REGIONS[region].label} (${REGIONS[region].host})`;

/**
 * What the key is: "Network key" (naming the network where the label does not), or "Partner key: you
 * are Sunrise Media (partner 7) on Acme Performance".
 */
export function kindWords(account: Pick<Account, 'kind' | 'label' | 'networkName' | 'partnerId' | 'partnerName'>): string {
  if (account.kind === 'network') {
    return account.networkName && account.networkName !== account.label ? `Network key of ${account.networkName}` : 'Network key';
  }
  const partner = account.partnerId === undefined ? '' : `partner ${account.partnerId}`;
  const who = account.partnerName ? `${account.partnerName}${partner ? ` (${partner})` : ''}` : partner || 'a partner';
  return `Partner key: you are ${who} on ${account.networkName ?? 'its network'}`;
}

/** Why a typed pace is refused: not a whole number from 1 to `max` (the policy's cap, or Everflow's limit). */
export const paceError = (max = MAX_REQUESTS_PER_SECOND) => `Requests per second must be a whole number from 1 to ${max}.`;
export const PACE_ERROR = paceError();

/** The typed pace as a number, or undefined when it is not a whole number from 1 to `max`. */
export function readPace(text: string, max = MAX_REQUESTS_PER_SECOND): number | undefined {
  const value = /^\d{1,2}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  return value >= 1 && value <= max ? value : undefined;
}

/** What the Requests per second field says under it: Everflow's limit for this kind of key, and the range. */
export function paceHint(kind: AccountKind): string {
  const limit =
    kind === 'partner'
      ? `Everflow allows a partner key ${PARTNER_REQUESTS_PER_SECOND} requests a second (bursts up to 20); more than that is refused.`
      : `Everflow allows ${MAX_REQUESTS_PER_SECOND} a second for a whole network; every user and tool of it shares it.`;
  return `${limit} This extension (popup, menu, look-ups and bulk links together) stays under this number for this account: 1 to ${MAX_REQUESTS_PER_SECOND}, default ${defaultPace(kind)}.`;
}

/** The Requests per second hint under an administrator's cap: "at most N, set by <organisation>". */
export const cappedPaceHint = (cap: number, owner: string) =>
  `At most ${cap}, set by ${owner}: this extension (popup, menu, look-ups and bulk links together) stays under this number for this account, and never over ${cap}.`;

/** An account whose region is not the one the policy allows, said plainly on its card. */
export const outsideRegion = (account: Pick<Account, 'region'>, allowed: Region, owner: string) =>
  `This account is in ${REGIONS[account.region].label}, outside the policy: ${owner} allows accounts in ${REGIONS[allowed].label} only.`;

/** Why a typed label cannot be kept, or undefined. An empty one is fine: the network's name is used. */
export function labelProblem(text: string): string | undefined {
  if (text.trim().length > MAX_ACCOUNT_LABEL) return `A label can be at most ${MAX_ACCOUNT_LABEL} characters.`;
  const hidden = hiddenCharacters(text);
  return hidden.length > 0 ? hiddenCharactersSentence('The label', hidden) : undefined;
}
