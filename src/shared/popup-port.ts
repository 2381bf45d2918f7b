// The popup holds a port with this name open, so the background knows whether anyone will see a
// reply. Its own module so the popup does not load the whole message protocol for one string.
export const POPUP_PORT = 'popup';
