// The names that go with a link made from bare IDs (the menu, the keyboard, a popup submitted before
// its look-up answered), from the same cached name look-up the popup uses (lookup-service.ts).
import type { NameKind } from '../everflow/lookups';
import type { LinkTarget } from '../everflow/link-fields';
import { historyItem } from '../shared/link-history';
import type { Names } from '../shared/names';
import { linkSubject, type LinkSuccess } from '../shared/outcome';
import { lastLinkItem } from '../shared/stored-items';
import { lookupName } from './lookup-service';

const KIND: Record<LinkTarget['type'], NameKind> = { offer: 'offer', smart: 'campaign' };

/** `names` with what the look-up cache knows added: nothing is sent to Everflow, so nothing waits. */
export async function withCachedNames(target: LinkTarget, affiliateId: number, names: Names): Promise<Names> {
  const asked: [NameKind, number][] = [
    [KIND[target.type], target.id],
    ['affiliate', affiliateId],
  ];
  const found = await Promise.all(
    asked.map(async ([kind, id]) => {
      if (names[kind] !== undefined) return [kind, names[kind]] as const;
      const reply = await lookupName(kind, id, { cacheOnly: true });
      return [kind, reply.ok ? reply.option?.name : undefined] as const;
    }),
  );
  return Object.fromEntries(found.filter(([, name]) => name !== undefined));
}

/**
 * After a link is made and copied: looks up the names it was made without (the cache, else one request
 * each) and writes them into its history entry and the last link, so a search by name finds it.
 */
export async function completeNames(link: LinkSuccess): Promise<void> {
  const subject = linkSubject(link);
  const missing: [NameKind, number, 'offerName' | 'campaignName' | 'affiliateName'][] = [];
  if (subject.id !== undefined && subject.name === undefined) {
    missing.push(link.linkType === 'smart' ? ['campaign', subject.id, 'campaignName'] : ['offer', subject.id, 'offerName']);
  }
  if (link.affiliateName === undefined) missing.push(['affiliate', link.affiliateId, 'affiliateName']);
  if (missing.length === 0) return;
  const found: Partial<Pick<LinkSuccess, 'offerName' | 'campaignName' | 'affiliateName'>> = {};
  await Promise.all(
    missing.map(async ([kind, id, field]) => {
      const reply = await lookupName(kind, id);
      if (reply.ok && reply.option) found[field] = reply.option.name;
    }),
  );
  if (Object.keys(found).length === 0) return;
  // The entry and the last link are this link's: the same address made at the same moment.
  const same = (other: { url: string; at: number }) => other.url === link.url && other.at === link.at;
  await Promise.allSettled([
    historyItem.update((history) => (history.some(same) ? history.map((entry) => (same(entry) ? { ...found, ...entry } : entry)) : history)),
    lastLinkItem.update((last) => (last && same(last) ? { ...found, ...last } : last)),
  ]);
}
