// What the result, the history and the notification say beside a link that was made: that it is a
// direct link (`directLink`: a redirect link was asked for; Everflow's answer is not on the network's
// tracking domains), that some offers behind a smart link are closed to the affiliate
// (`someOffersClosed`), or that it could not be kept (`unsaved`). Their own module, so the sentences load
// with the views that show them, not with the popup's first paint.
export const UNSAVED_NOTE = 'The link is not in your history: browser storage for the extension is full; free space on the options page.';

export const DIRECT_LINK_NOTE =
  'Everflow returned a direct link (the advertiser’s own address), not a redirect link on your tracking domain.';

export const SOME_OFFERS_CLOSED_NOTE =
  'Some offers behind this smart link are not open to this affiliate; its clicks can only reach the offers it is approved for.';
