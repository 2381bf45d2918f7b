// The link form: what a person types (all strings and checkboxes) and the typed request it becomes.
// The popup checks the form with `parseLinkForm` before sending; the background checks the same
// payload again on receipt, so both sides share one set of rules and one set of messages.
import * as z from 'zod/mini';

/** Everflow's IDs are signed 32-bit integers; 0 is never a valid ID. */
export const MAX_ID = 2147483647;
/** Everflow limits each query parameter value on a link to 200 characters. */
export const MAX_TEXT = 200;

export const ID_FIELDS = ['offerId', 'affiliateId', 'trackingDomainId', 'offerUrlId', 'creativeId', 'trafficSourceId'] as const;
export const TEXT_FIELDS = ['sourceId', 'sub1', 'sub2', 'sub3', 'sub4', 'sub5'] as const;
export const FLAG_FIELDS = ['encryptParameters', 'redirectLink'] as const;

export type IdField = (typeof ID_FIELDS)[number];
export type TextField = (typeof TEXT_FIELDS)[number];
export type FlagField = (typeof FLAG_FIELDS)[number];
export type FormField = IdField | TextField | FlagField;

/** Visible labels, used by the form and inside validation messages so the two never drift apart. */
export const FIELD_LABELS: Record<FormField, string> = {
  offerId: 'Offer ID',
  affiliateId: 'Affiliate ID',
  sourceId: 'Source ID',
  sub1: 'Sub 1',
  sub2: 'Sub 2',
  sub3: 'Sub 3',
  sub4: 'Sub 4',
  sub5: 'Sub 5',
  trackingDomainId: 'Tracking domain ID',
  offerUrlId: 'Offer URL ID',
  creativeId: 'Creative ID',
  trafficSourceId: 'Traffic source ID',
  encryptParameters: 'Encrypt parameters',
  redirectLink: 'Redirect link even for direct-linking offers',
};

/** Clip stored or received text so nothing from outside can grow without bound. */
const boundedString = z.catch(z.pipe(z.string(), z.transform((s) => s.slice(0, 4 * MAX_TEXT))), '');
const flag = z.catch(z.boolean(), false);

/** The form exactly as typed. Lenient, so a stale or damaged draft still loads as something usable. */
export const LinkFormSchema = z.object({
  offerId: boundedString,
  affiliateId: boundedString,
  sourceId: boundedString,
  sub1: boundedString,
  sub2: boundedString,
  sub3: boundedString,
  sub4: boundedString,
  sub5: boundedString,
  trackingDomainId: boundedString,
  offerUrlId: boundedString,
  creativeId: boundedString,
  trafficSourceId: boundedString,
  encryptParameters: flag,
  redirectLink: flag,
});
export type LinkForm = z.infer<typeof LinkFormSchema>;

export const EMPTY_FORM: LinkForm = LinkFormSchema.parse({});

/** Blank text means "not given"; anything else is trimmed. */
const blankToUndefined = z.transform((value: string) => (value.trim() === '' ? undefined : value.trim()));

function idRule(field: IdField) {
  const label = FIELD_LABELS[field];
  const bad = `${label} must be a whole number from 1 to ${MAX_ID}.`;
  return z.pipe(
    // ASCII digits only. Leading zeros are harmless ("00000000042" is 42, like "042"); more than ten
    // other digits is out of range anyway, and refusing it here keeps Number() finite and exact.
    z.string({ error: `Enter the ${label}.` }).check(z.regex(/^0*\d{1,10}$/, bad)),
    z.pipe(z.transform(Number), z.number().check(z.gte(1, bad), z.lte(MAX_ID, bad))),
  );
}
const requiredId = (field: IdField) => z.pipe(blankToUndefined, idRule(field));
const optionalId = (field: IdField) => z.pipe(blankToUndefined, z.optional(idRule(field)));

function textSchema(field: TextField) {
  const tooLong = `${FIELD_LABELS[field]} can be at most ${MAX_TEXT} characters.`;
  return z.pipe(blankToUndefined, z.optional(z.string().check(z.maxLength(MAX_TEXT, tooLong))));
}

/** The rules a form must pass before anything is sent to Everflow. */
export const LinkInputSchema = z.object({
  offerId: requiredId('offerId'),
  affiliateId: requiredId('affiliateId'),
  trackingDomainId: optionalId('trackingDomainId'),
  offerUrlId: optionalId('offerUrlId'),
  creativeId: optionalId('creativeId'),
  trafficSourceId: optionalId('trafficSourceId'),
  sourceId: textSchema('sourceId'),
  sub1: textSchema('sub1'),
  sub2: textSchema('sub2'),
  sub3: textSchema('sub3'),
  sub4: textSchema('sub4'),
  sub5: textSchema('sub5'),
  encryptParameters: z.boolean(),
  redirectLink: z.boolean(),
});

/** The checked, typed request: IDs are numbers, empty optional fields are absent. */
export type LinkInput = z.output<typeof LinkInputSchema>;

export type FieldErrors = Partial<Record<FormField, string>>;
export type FormCheck = { ok: true; input: LinkInput } | { ok: false; errors: FieldErrors };

/** Turns the form into a request, or into one message per invalid field. Never throws. */
export function parseLinkForm(value: unknown): FormCheck {
  // Every field of LinkFormSchema falls back on its own, so only a non-object fails here: treat it as an empty form.
  const form = LinkFormSchema.safeParse(value);
  const result = LinkInputSchema.safeParse(form.success ? form.data : EMPTY_FORM);
  if (result.success) {
    // Drop keys whose value is undefined so "absent" means absent everywhere downstream.
    const input = Object.fromEntries(Object.entries(result.data).filter(([, v]) => v !== undefined));
    return { ok: true, input: input as LinkInput };
  }
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as FormField;
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

/** The form that would produce this request: used to put a past request back into the form. */
export function formFromInput(input: LinkInput): LinkForm {
  const form: LinkForm = { ...EMPTY_FORM, encryptParameters: input.encryptParameters, redirectLink: input.redirectLink };
  for (const field of ID_FIELDS) form[field] = input[field]?.toString() ?? '';
  for (const field of TEXT_FIELDS) form[field] = input[field] ?? '';
  return form;
}
