// An administrator's policy: what an organisation sets for everyone it installs the extension for.
// Chrome and Edge give it as managed storage (the admin's policy for this extension, checked by the
// browser against managed-schema.json, which is made from PolicySchema: managed-schema.ts); Firefox
// gives policies.json's "3rdparty" → "Extensions" → the add-on's ID, checked by nothing. So every value
// is checked here, key by key and, in lists, entry by entry: one that does not fit is ignored on its
// own and the rest apply. The policy never holds an API key (there is no key for one). Pages and the
// background read it alike and follow its changes (storage.onChanged, area 'managed').
import * as z from 'zod/mini';
import { cleanText } from '../../everflow/text';
import { REGION_IDS, type Region } from '../../everflow/regions';
import {
  BUILT_IN_FORMATS,
  ManagedTemplateSchema,
  effectiveCopyFormats,
  managedFormatId,
  type CopyFormats,
  type ManagedTemplate,
} from '../copy-formats/copy-formats';
import { ManagedPresetSchema } from '../presets/preset-values';
import { MAX_REQUESTS_PER_SECOND } from '../settings/settings';
import type { Followed, ReadResult } from '../storage/define-item';
import { readManaged, soon } from './managed-read';
import { POLICY_DOMAINS_KEY, policyDashboardDomains } from './policy-domains';

export const MAX_ORGANISATION_NAME = 80;

/** Every key a policy may set; each optional. Descriptions are what an administrator reads in the schema. */
export const PolicySchema = z.object({
  region: z.optional(
    z
      .enum(REGION_IDS as [Region, ...Region[]])
      .check(z.describe('The Everflow region of every account: "us" (api.eflow.team) or "eu" (api-eu.eflow.team).')),
  ),
  maxRequestsPerSecond: z.optional(
    z
      .int()
      .check(
        z.gte(1),
        z.lte(MAX_REQUESTS_PER_SECOND),
        z.describe(
          'The most requests a second each account may make to Everflow (Everflow’s limit is the whole network’s, shared by every user).',
        ),
      ),
  ),
  [POLICY_DOMAINS_KEY]: z.optional(
    z
      .array(z.string().check(z.maxLength(253)))
      .check(z.describe('White-label dashboard domains added to every person’s list, e.g. "links.example.com".')),
  ),
  presets: z.optional(z.array(ManagedPresetSchema).check(z.describe('Presets everyone has, read-only.'))),
  messageTemplates: z.optional(z.array(ManagedTemplateSchema).check(z.describe('Message templates everyone has, read-only.'))),
  defaultCopyFormat: z.optional(
    z
      .string()
      .check(
        z.maxLength(100),
        z.describe('The default copy format: "link", "named" (the link with names), or the id or name of one of messageTemplates.'),
      ),
  ),
  sessionOnlyKeys: z.optional(z.boolean().check(z.describe('true: every API key is kept only until the browser closes.'))),
  allowImport: z.optional(z.boolean().check(z.describe('false: a team settings file cannot be imported.'))),
  showWelcome: z.optional(z.boolean().check(z.describe('false: a new install does not open the welcome on the options page.'))),
  organisationName: z.optional(
    z.string().check(z.maxLength(MAX_ORGANISATION_NAME), z.describe('Your organisation’s name, as in "Set by <name>".')),
  ),
});
export type Policy = z.infer<typeof PolicySchema>;

export const NO_POLICY: Policy = {};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const valid = <T>(schema: z.ZodMiniType<T>, value: unknown): T | undefined => {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

/** The entries of a list that fit `schema`, each on its own. */
const entries = <T>(schema: z.ZodMiniType<T>, value: unknown): T[] =>
  Array.isArray(value)
    ? value.flatMap((entry) => {
        const parsed = schema.safeParse(entry);
        return parsed.success ? [parsed.data] : [];
      })
    : [];

/**
 * Templates that can be told apart and copied: a name (not a built-in format's, nor another's, ignoring
 * case), a message, each ID once.
 */
function usableTemplates(value: unknown): ManagedTemplate[] {
  const ids = new Set<string>();
  const names = new Set(BUILT_IN_FORMATS.map((format) => format.name.toLowerCase()));
  return entries(ManagedTemplateSchema, value).filter((entry) => {
    const name = entry.name.trim();
    const id = entry.id ?? name;
    if (name === '' || entry.text.trim() === '' || ids.has(id) || names.has(name.toLowerCase())) return false;
    ids.add(id);
    names.add(name.toLowerCase());
    return true;
  });
}

/** What a policy as the browser gives it (chrome.storage.managed's values) means: the keys that fit, checked. */
export function decodePolicy(raw: unknown): Policy {
  if (!isRecord(raw)) return NO_POLICY;
  const shape = PolicySchema.shape;
  const policy: Policy = {};
  const region = valid(shape.region, raw.region);
  if (region) policy.region = region;
  const pace = valid(shape.maxRequestsPerSecond, raw.maxRequestsPerSecond);
  if (pace !== undefined) policy.maxRequestsPerSecond = pace;
  const domains = policyDashboardDomains(raw[POLICY_DOMAINS_KEY]);
  if (domains.length > 0) policy.dashboardDomains = domains;
  // Each preset's values are held to the form's rules where presets are used (shared/presets: effectivePresets).
  const presets = entries(ManagedPresetSchema, raw.presets);
  if (presets.length > 0) policy.presets = presets;
  const templates = usableTemplates(raw.messageTemplates);
  if (templates.length > 0) policy.messageTemplates = templates;
  const format = valid(shape.defaultCopyFormat, raw.defaultCopyFormat);
  if (format !== undefined && managedFormatId(format, templates) !== undefined) policy.defaultCopyFormat = format;
  for (const key of ['sessionOnlyKeys', 'allowImport', 'showWelcome'] as const) {
    const flag = valid(shape[key], raw[key]);
    if (flag !== undefined) policy[key] = flag;
  }
  const name = valid(shape.organisationName, raw.organisationName);
  const cleaned = name === undefined ? '' : cleanText(name).trim();
  if (cleaned) policy.organisationName = cleaned;
  return policy;
}

/** Who sets what the policy sets, as a sentence names them: the organisation, or "your administrator". */
export const policyOwner = (policy: Policy) => policy.organisationName ?? 'your administrator';
/** "Set by Acme", beside each value the policy sets. */
export const setBy = (policy: Policy) => `Set by ${policyOwner(policy)}`;

/** The copy formats everyone uses: the policy's templates and default, then the person's own. */
export const copyFormatsUnder = (stored: CopyFormats, policy: Policy) =>
  effectiveCopyFormats(stored, policy.messageTemplates ?? [], policy.defaultCopyFormat);
/** An account's pace under the policy's cap. */
export const paceUnder = (requestsPerSecond: number, policy: Policy) =>
  Math.min(requestsPerSecond, policy.maxRequestsPerSecond ?? Infinity);

/**
 * The policy as it is now, read like a stored item (pages follow it with useStored): what the browser
 * answers within MANAGED_PROMPT_MS (managed-read.ts), else none for now, and a page that follows it
 * hears the policy once the browser has it. `settled()` waits for the browser's answer.
 */
export const managedPolicy: Followed<Policy> & { value(): Promise<Policy>; settled(): Promise<Policy> } = {
  fallback: () => NO_POLICY,
  async read(): Promise<ReadResult<Policy>> {
    return { value: await soon(managedPolicy.settled(), NO_POLICY), status: 'ok' };
  },
  value: () => soon(managedPolicy.settled(), NO_POLICY),
  settled: async () => decodePolicy(await readManaged()),
  watch(listener) {
    // A change names only the keys that changed: the whole policy is read again, so each key is checked
    // as a whole. The first answer is told too: a read made before the browser had it went on without it.
    let stopped = false;
    const tell = (policy: Policy) => void (stopped || listener(policy));
    void managedPolicy.settled().then(tell);
    const onChanged = (_changes: unknown, area: string) => {
      if (area === 'managed') void managedPolicy.settled().then(tell);
    };
    chrome.storage.onChanged.addListener(onChanged);
    return () => {
      stopped = true;
      chrome.storage.onChanged.removeListener(onChanged);
    };
  },
};
