// The names that go with a link made from bare IDs (the menu, the keyboard, a popup submitted before
// its look-up answered), from the same cached name look-up the popup uses (lookup-service.ts).
import type { NameKind } from '../everflow/lookups';
import { affiliateOf, targetOf, type LinkInput } from '../everflow/link-fields';
import { historyItem } from '../shared/history/history';
import type { Names } from '../shared/link/names';
import type { LinkSuccess } from '../shared/link/outcome';
import { lastLinkItem } from '../shared/link/outcome';
import { lookupName } from './lookup-service';

/** The offer (or smart link) and the affiliate of a link, each with the kind of its name. */
function namedIds(input: LinkInput): [NameKind, number][] {
  const { type, id } = targetOf(input);
  const affiliateId = affiliateOf(input);
  return [
    [type === 'smart' ? 'campaign' : 'offer', id],
    ...(affiliateId === undefined ? [] : [['affiliate', affiliateId] as [NameKind, number]]),
  ];
}

/** Looks up each name `names` lacks: from the cache only (nothing is sent, so nothing waits), or asking Everflow. */
async function lookUpMissing(accountId: string, ids: [NameKind, number][], names: Names, cacheOnly: boolean): Promise<Names> {
  const found: Names = {};
  await Promise.all(
    ids.map(async ([kind, id]) => {
      if (names[kind] !== undefined) return;
      const reply = await lookupName(accountId, kind, id, { cacheOnly });
      if (reply.ok && reply.option) found[kind] = reply.option.name;
    }),
  );
  return found;
}

/** `names` with what the look-up cache knows added, for a link about to be made. */
export async function withCachedNames(accountId: string, input: LinkInput, names: Names): Promise<Names> {
  return { ...names, ...(await lookUpMissing(accountId, namedIds(input), names, true)) };
}

/**
 * After a link is made and copied: looks up the names it was made without (the cache, else one request
 * each) and writes them into its history entry and the last link, so a search by name finds it.
 */
export async function completeNames(link: LinkSuccess): Promise<void> {
  const names = { offer: link.offerName, campaign: link.campaignName, affiliate: link.affiliateName };
  const found = await lookUpMissing(link.accountId, namedIds(link.input), names, false);
  const added = Object.fromEntries(Object.entries(found).map(([kind, name]) => [`${kind}Name`, name]));
  if (Object.keys(added).length === 0) return;
  // The entry and the last link are this link's: the same address made at the same moment.
  const same = (other: { accountId: string; url: string; at: number }) =>
    other.accountId === link.accountId && other.url === link.url && other.at === link.at;
  await Promise.allSettled([
    historyItem.update((history) => history.map((entry) => (same(entry) ? { ...added, ...entry } : entry))),
    lastLinkItem.update((last) => (last && same(last) ? { ...added, ...last } : last)),
  ]);
}
