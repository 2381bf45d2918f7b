// What the result, the history and the notification say about a link marked `directLink` (a redirect
// link was asked for; Everflow's answer is not on the network's tracking domains). Its own module so
// the sentence loads with the views that show it, not with the popup's first paint.
export const DIRECT_LINK_NOTE =
  'Everflow returned a direct link (the advertiser’s own address), not a redirect link on your tracking domain.';
