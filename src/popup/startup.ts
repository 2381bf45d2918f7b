// The popup's entry. The form is already on screen (prerendered into popup.html); this reads what the
// form starts from (the draft, the last affiliate, the settings, the right-click request, the tab in
// front), puts it into the form (the rules are in startup-data.ts), marks 'popup-ready', and only then
// loads the app (popup.tsx), which hydrates the form as it finds it. Measured (npm run bench): with the
// app's modules loaded first, the form was ready about 30 ms later. What the person types or submits
// meanwhile is kept for the app.
import { readStartup, startPopup } from './startup/start';

// Asked for first, before anything else runs: the browser's answers are the longest wait.
const stored = readStartup();
void startPopup(stored).then(async (startup) => (await import('./popup')).mount(startup));
