// The demo's simulated Everflow dashboard: https://acme.everflowclient.io/offers/<id>/general for every
// offer of the simulated network, saying in a few lines what to try. Served by the simulator's proxy
// (../simulator/server.ts, `pages`), so the extension sees a real dashboard address over HTTPS.
import type { PageHandler } from '../simulator/server';
import type { Network } from '../simulator/network';
import { COMMANDS, COPY_COMMAND, OPEN_COMMAND } from '../../src/background/commands';

/** The first simulated network's dashboard (its `identifier` is acme): the popup chooses that network's account on it. */
export const DEMO_HOST = 'acme.everflowclient.io';
export const DEMO_OFFER = 42;
export const demoOfferUrl = (offerId = DEMO_OFFER) => `https://${DEMO_HOST}/offers/${offerId}/general`;

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The demo runs on Linux: its suggested keys, one <kbd> per key. */
const kbd = (keys: string) =>
  keys
    .split('+')
    .map((key) => `<kbd>${key}</kbd>`)
    .join('+');

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1d2733}
header{border-bottom:1px solid #d8dee6;margin-bottom:1rem}header small{color:#5b6776}
h1{font-size:1.4rem;margin:.2rem 0 .6rem}ol{padding-left:1.3rem}li{margin:.45rem 0}
kbd{border:1px solid #b8c2cc;border-radius:3px;padding:0 .3em;background:#f4f6f8;font-size:.9em}
code{background:#f4f6f8;padding:0 .25em}.note{color:#5b6776;font-size:.9em}`;

/** The page for one offer, or undefined (404) for an address that is not an offer of the network. */
export function dashboardPage(network: Network): PageHandler {
  return (url) => {
    if (url.pathname === '/' || url.pathname === '') {
      return { status: 302, headers: { location: demoOfferUrl() }, body: `<a href="${demoOfferUrl()}">Offer ${DEMO_OFFER}</a>` };
    }
    const match = /^\/offers\/(\d+)(\/|$)/.exec(url.pathname);
    const offer = match && network.offers.find((o) => o.network_offer_id === Number(match[1]));
    if (!offer) return undefined;
    const other = network.offers.find((o) => o.network_offer_id === 1842 && o !== offer) ?? network.offers.find((o) => o !== offer)!;
    const id = offer.network_offer_id;
    const body = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Offer ${id} · ${escape(offer.name)} · Everflow (simulated)</title><style>${STYLE}</style></head><body>
<header><small>Everflow Control Center · simulated network, no account needed</small>
<h1>Offer ${id}: ${escape(offer.name)}</h1></header>
<p>Link Builder for Everflow is loaded, with the simulator's API key saved. Everything below talks to a
local Everflow simulator; nothing leaves this machine. Try:</p>
<ol>
<li><b>Toolbar popup</b>: click the extension's icon (pin it from the puzzle-piece menu), or press
${kbd(COMMANDS[OPEN_COMMAND].suggested.linux)}. Offer ID is already ${id}, <i>from this page</i>; type
Affiliate ID <code>7</code> and press Enter: the link is on your clipboard.</li>
<li><b>Look-ups by name</b>: in the popup, type <code>sum</code> or <code>acme</code> in Offer ID, or
<code>jolly</code> or <code>sun</code> in Affiliate ID, and pick a match.</li>
<li><b>Right-click menu</b>: right-click this page, or the link to
<a href="/offers/${other.network_offer_id}/general">offer ${other.network_offer_id} (${escape(other.name)})</a>,
and choose <i>Copy tracking link…</i> (it uses the last affiliate you made a link for).</li>
<li><b>Keyboard shortcut</b>: ${kbd(COMMANDS[COPY_COMMAND].suggested.linux)} copies the link for this
offer with that last affiliate; a notification says what was copied.</li>
<li><b>Bulk links</b>: <i>Bulk links</i> in the popup makes offer ${id}'s link for many affiliates at
once: paste e.g. <code>100 101 102 103</code> (every ID from 100 to 999 is a partner here).</li>
</ol>
<p class="note">Simulated partners: 7 Sunrise Media, 8 Blue Harbor Ads, 913 Jolly Media, 914 (inactive).
Rate limit: Everflow's token bucket, 30 requests a second. Ctrl+C in the terminal ends the demo.</p>
</body></html>`;
    return { body };
  };
}
