// Everything the worker keeps in memory between events, named in one place. Chrome stops an idle
// worker (Firefox an idle event page) and all of it goes; each piece is rebuilt on demand from storage
// or from Everflow, so none is the only copy of anything a person would miss.
import { ServerTrouble } from '../everflow/http';
import type { LookupResult } from '../everflow/lookups';
import type { RateLimiter } from '../everflow/rate-limiter';
import type { CopyFormats } from '../shared/copy-formats/copy-formats';
import type { CachedLookup } from '../shared/lookups/lookup-cache';
import type { Policy } from '../shared/policy/policy';
import type { LinkReporter } from './link-reporter';

/** A link being made, and everyone waiting for it. */
export interface LinkRun {
  reporters: Set<LinkReporter>;
  controller: AbortController;
  /** Its askers have had their answer (the bookkeeping may still be under way). */
  answered: boolean;
}

/** A request in flight that several askers may be waiting for. */
export interface Shared<T> {
  answer: Promise<T>;
  controller: AbortController;
  /** How many askers still wait; the request stops when none does. */
  waiting: number;
}

export const memory = {
  /** One pace per network and kind of key (accounts.ts): Everflow counts each network's calls together, whichever key. */
  limiters: new Map<string, RateLimiter>(),
  /** Everflow's recent 5xx answers per endpoint, which make Chrome hold requests back (everflow/http.ts). */
  serverTrouble: new ServerTrouble(),
  /** The stored copy formats as last read and followed (copy-format-cache.ts): no storage read on a warm click. */
  copyFormats: undefined as Promise<CopyFormats> | undefined,
  /** The administrator's policy as last read (policy.ts): every call reads its pace cap. */
  policy: undefined as Promise<Policy> | undefined,
  /** The network's tracking domains, for 10 minutes (tracking-domain-cache.ts). */
  trackingDomains: undefined as { key: string; at: number; domains: string[] } | undefined,
  trackingDomainsPending: undefined as { key: string; domains: Promise<string[] | undefined> } | undefined,
  /** Look-up answers, also kept in storage (lookup-service.ts); the newest search per field; identical look-ups joined. */
  lookups: new Map<string, CachedLookup>(),
  lookupChannels: new Map<string, AbortController>(),
  lookupsInFlight: new Map<string, Shared<LookupResult>>(),
  /** Links being made, by their request: a double click joins the first (make-link.ts). */
  linksInFlight: new Map<string, LinkRun>(),
};
