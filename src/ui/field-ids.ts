// Where a form field's input is in the page: the id every form and picker uses. Apart from the
// components so that the popup's startup can find the inputs without loading Preact.
import type { FormField } from '../everflow/link-fields';

/** The id of a field's input; the pickers attach to these. */
export const fieldId = (name: FormField) => `field-${name}`;

/** Moves the cursor to a field's input, once it is on screen. */
export function focusField(field: FormField) {
  (document.getElementById(fieldId(field)) as HTMLInputElement | null)?.focus();
}

/** How long typing in a field pauses before its look-up is sent (the pickers' search, the ID's name). */
export const TYPING_PAUSE_MS = 250;
