// Facts about the popup's form markup, for code that needs them without the components (and Preact).
import type { FormField } from '../shared/link-form';

export const fieldId = (name: FormField) => `field-${name}`;

/** The fields inside the "More options" section. */
export const MORE_OPTIONS: readonly FormField[] = ['trackingDomainId', 'offerUrlId', 'creativeId', 'trafficSourceId', 'encryptParameters', 'redirectLink'];
