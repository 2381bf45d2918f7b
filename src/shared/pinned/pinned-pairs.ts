// Pinned pairs: offer (or smart link) × affiliate pairs, each with the preset it was made with, pinned
// from a link or from History and listed in the popup, where one click makes and copies that link
// again. Kept in this browser (local), written by the pages, each change one serialised update.
import * as z from 'zod/mini';
import { LINK_TYPES, MAX_ID, TARGET_FIELDS, type LinkType } from '../../everflow/link-fields';
import { EMPTY_FORM, type LinkForm } from '../link/link-form';
import { MAX_NAME, nameSchema, type Names } from '../link/names';
import { applyPreset, type PresetList } from '../presets/presets';
import { defineItem } from '../storage/define-item';
import { AccountIdSchema, eachOfFirstAccount } from '../accounts/accounts';

export const MAX_PINS = 20;

const entityId = z.number().check(z.gte(1), z.lte(MAX_ID), z.refine(Number.isInteger));

export const PinSchema = z.object({
  id: z.string().check(z.maxLength(100)),
  /** The account the pair is of: its IDs are that network's. */
  accountId: AccountIdSchema,
  linkType: z.enum(LINK_TYPES),
  /** The offer of an offer link, the smart link (Everflow's campaign) of a smart link. */
  targetId: entityId,
  /** Absent for a partner's own link: the partner is its affiliate. */
  affiliateId: z.optional(entityId),
  /** The preset the form held when it was pinned: its values now are used for each link. */
  presetId: z.optional(z.string().check(z.maxLength(100))),
  /** Names as known when pinned, so the list reads by name without asking Everflow. */
  targetName: z.optional(nameSchema(4 * MAX_NAME)),
  affiliateName: z.optional(nameSchema(4 * MAX_NAME)),
});
export type Pin = z.infer<typeof PinSchema>;
export type PinFields = Omit<Pin, 'id'>;

export const PinnedPairsSchema = z.object({ pins: z.array(PinSchema).check(z.maxLength(MAX_PINS)) });
export type PinnedPairs = z.infer<typeof PinnedPairsSchema>;

/** Kept in this browser only: pins are a person's shortcuts, not settings to share. */
export const pinnedPairsItem = defineItem<PinnedPairs>({
  writer: 'pages',
  area: 'local',
  key: 'pinnedPairs',
  version: 2,
  // Pairs pinned before accounts are the first account's.
  migrations: {
    1: (data) =>
      typeof data === 'object' && data !== null ? { ...data, pins: eachOfFirstAccount((data as { pins?: unknown }).pins) } : data,
  },
  schema: PinnedPairsSchema,
  fallback: () => ({ pins: [] }),
});

export type PinChange = { ok: true; list: PinnedPairs; id: string } | { ok: false; message: string };

/** The same pair made the same way: one kind of link, target, affiliate and preset. */
export const samePin = (a: PinFields, b: PinFields) =>
  a.accountId === b.accountId &&
  a.linkType === b.linkType &&
  a.targetId === b.targetId &&
  a.affiliateId === b.affiliateId &&
  (a.presetId ?? null) === (b.presetId ?? null);

export const findPin = (list: PinnedPairs, pin: PinFields) => list.pins.find((candidate) => samePin(candidate, pin));

/** Pins a pair at the end of the list; the same pair again is refused, and so is a 21st. */
export function pinPair(list: PinnedPairs, pin: PinFields, newId: string): PinChange {
  const same = findPin(list, pin);
  if (same) return { ok: false, message: `${pinLabel(same)} is pinned already.` };
  if (list.pins.length >= MAX_PINS) return { ok: false, message: `You can pin up to ${MAX_PINS} pairs; unpin one first.` };
  return { ok: true, id: newId, list: { pins: [...list.pins, { ...pin, id: newId }] } };
}

export function unpin(list: PinnedPairs, id: string): PinnedPairs {
  return { pins: list.pins.filter((pin) => pin.id !== id) };
}

/** Moves a pin one place up (-1) or down (1); the same list at either end. */
export function movePin(list: PinnedPairs, id: string, by: -1 | 1): PinnedPairs {
  const from = list.pins.findIndex((pin) => pin.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= list.pins.length) return list;
  const pins = [...list.pins];
  [pins[from], pins[to]] = [pins[to]!, pins[from]!];
  return { pins };
}

const KIND: Record<LinkType, string> = { offer: 'Offer', smart: 'Smart link', partner: 'Offer' };

/** "Spring sale × Acme Media", with IDs where a name is unknown ("Offer 42 × Affiliate 7"). */
export function pinLabel(pin: PinFields): string {
  const target = pin.targetName || `${KIND[pin.linkType]} ${pin.targetId}`;
  // A partner's pin is for the partner itself: its offer names it.
  return pin.affiliateId === undefined ? target : `${target} × ${pin.affiliateName || `Affiliate ${pin.affiliateId}`}`;
}

/**
 * The pin for the link `accountId` makes from a form, with the names known for it; undefined when the
 * form has no valid pair (a partner's own link needs only its offer).
 */
export function pinFromForm(accountId: string, form: LinkForm, presetId: string | undefined, names: Names = {}): PinFields | undefined {
  const partner = form.linkType === 'partner';
  const targetId = Number(form[TARGET_FIELDS[form.linkType]].trim());
  const affiliateId = partner ? undefined : Number(form.affiliateId.trim());
  if (!entityId.safeParse(targetId).success || (!partner && !entityId.safeParse(affiliateId).success)) return undefined;
  const targetName = form.linkType === 'smart' ? names.campaign : names.offer;
  return {
    accountId,
    linkType: form.linkType,
    targetId,
    ...(affiliateId === undefined ? {} : { affiliateId }),
    ...(presetId === undefined ? {} : { presetId }),
    ...(targetName ? { targetName } : {}),
    ...(names.affiliate ? { affiliateName: names.affiliate } : {}),
  };
}

/** The form a pin makes its link from: the pair, and its preset's values as they are now (none if deleted). */
export function pinForm(pin: PinFields, presets: PresetList): LinkForm {
  const form: LinkForm = {
    ...EMPTY_FORM,
    linkType: pin.linkType,
    [TARGET_FIELDS[pin.linkType]]: String(pin.targetId),
    affiliateId: pin.affiliateId === undefined ? '' : String(pin.affiliateId),
  };
  const preset = pin.presetId === undefined ? undefined : presets.presets.find((candidate) => candidate.id === pin.presetId);
  return preset ? applyPreset(form, preset.values) : form;
}

/** The names a pin knows, sent with its link so the history entry carries them. */
export function pinNames(pin: PinFields): Names {
  return {
    ...(pin.targetName ? { [pin.linkType === 'smart' ? 'campaign' : 'offer']: pin.targetName } : {}),
    ...(pin.affiliateName ? { affiliate: pin.affiliateName } : {}),
  };
}
