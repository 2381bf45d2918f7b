// The facts a copy format fills in, from what the popup and History hold: the popup's link keeps its
// form as typed (tokens and all), a history entry the input as sent. Not in copy-formats.ts, which the
// background loads whole.
import { factsFromInput, type LinkFacts } from './copy-formats';
import { parseLinkForm } from './link-form';
import type { HistoryEntry } from './link-history';
import { linkSubject, type LinkSuccess } from './outcome';
import { expandTokens } from './sub-tokens';

/** A link the popup shows: its form holds the subs as typed, so their tokens are filled in with the link's own date. */
export function factsFromSuccess(link: LinkSuccess): LinkFacts {
  const subject = linkSubject(link);
  const checked = link.form ? parseLinkForm(link.form) : undefined;
  const names = { target: subject.name, affiliate: link.affiliateName };
  if (checked?.ok) return factsFromInput(link.url, expandTokens(checked.input, new Date(link.at)), link.at, names);
  return {
    url: link.url,
    linkType: link.linkType ?? 'offer',
    targetId: subject.id,
    targetName: names.target,
    affiliateId: link.affiliateId,
    affiliateName: names.affiliate,
    sent: {},
    at: link.at,
  };
}

/** A history entry holds the input as sent. */
export function factsFromHistory(entry: HistoryEntry): LinkFacts {
  const target = entry.input.linkType === 'smart' ? entry.campaignName : entry.offerName;
  return factsFromInput(entry.url, entry.input, entry.at, { target, affiliate: entry.affiliateName });
}
