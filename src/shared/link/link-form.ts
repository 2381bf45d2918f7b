// The link form: what a person types (all strings and checkboxes) and the typed request it becomes.
// The popup checks the form with `parseLinkForm` before sending; the background checks the same
// payload again on receipt, so both sides share one set of rules and one set of messages.
import * as z from 'zod/mini';
import {
  FIELD_LABELS,
  LINK_FIELDS,
  LINK_TYPES,
  MAX_ID,
  MAX_TEXT,
  MORE_OPTIONS,
  TARGET_FIELDS,
  fieldsFor,
  type FlagField,
  type FormField,
  type IdField,
  type LinkInput,
  type LinkType,
  type TextField,
} from '../../everflow/link-fields';

/** Clip stored or received text so nothing from outside can grow without bound. */
const boundedString = z.catch(
  z.pipe(
    z.string(),
    z.transform((s) => s.slice(0, 4 * MAX_TEXT)),
  ),
  '',
);
const flag = z.catch(z.boolean(), false);

const linkType = z.catch(z.enum(LINK_TYPES), 'offer');

/**
 * The form exactly as typed: the kind of link, and every field of every kind, so switching between an
 * offer and a smart link keeps what was typed for each. Lenient, so a stale or damaged draft (one from
 * before smart links included) still loads as something usable.
 */
export const LinkFormSchema = z.object({
  linkType,
  ...(Object.fromEntries(LINK_FIELDS.map((field) => [field.name, field.kind === 'flag' ? flag : boundedString])) as {
    [F in FormField]: F extends FlagField ? typeof flag : typeof boundedString;
  }),
});
export type LinkForm = z.infer<typeof LinkFormSchema>;

export const EMPTY_FORM: LinkForm = LinkFormSchema.parse({});

/** Blank text means "not given"; anything else is trimmed. */
const blankToUndefined = z.transform((value: string) => (value.trim() === '' ? undefined : value.trim()));

/**
 * An ID field's messages, one at a time and in words: what to type, not the 32-bit limit. `thing` is
 * the label without " ID", as said in a sentence ("offer", "smart link", "offer URL").
 */
export function idMessages(field: IdField) {
  const label = FIELD_LABELS[field];
  const thing = label.charAt(0).toLowerCase() + label.slice(1).replace(/ ID$/, '');
  return {
    missing: `Enter the ${label}.`,
    notNumber: `Use the ${thing}’s number, e.g. 1842.`,
    zero: `${label}s start at 1.`,
    tooLarge: `That number is too large for an Everflow ID; check the ${thing}’s number.`,
  };
}

function idRule(field: IdField) {
  const say = idMessages(field);
  return z.pipe(
    // ASCII digits only, checked in turn so one message is given at a time. Leading zeros are harmless
    // ("00000000042" is 42); more than ten other digits is out of range anyway, and refusing it here
    // keeps Number() finite and exact.
    z.string({ error: say.missing }).check(z.regex(/^\d+$/, say.notNumber)),
    z.pipe(
      z.string().check(z.regex(/^0*\d{1,10}$/, say.tooLarge)),
      z.pipe(z.transform(Number), z.number().check(z.gte(1, say.zero), z.lte(MAX_ID, say.tooLarge))),
    ),
  );
}
const requiredId = (field: IdField) => z.pipe(blankToUndefined, idRule(field));
const optionalId = (field: IdField) => z.pipe(blankToUndefined, z.optional(idRule(field)));

/** What a text field says when it holds more than Everflow takes (typed, or made longer by its tokens). */
export const tooLongMessage = (field: TextField) => `${FIELD_LABELS[field]} can be at most ${MAX_TEXT} characters.`;

function textSchema(field: TextField) {
  return z.pipe(blankToUndefined, z.optional(z.string().check(z.maxLength(MAX_TEXT, tooLongMessage(field)))));
}

/**
 * The rules a form must pass before anything is sent to Everflow: only the fields of its link type, so
 * a smart link is never held up by an offer URL typed for an offer. Built on first use: the popup's
 * startup reads the draft with LinkFormSchema and needs none of them.
 */
const rules = new Map<LinkType, z.ZodMiniObject>();
function linkInputRules(type: LinkType): z.ZodMiniObject {
  let checked = rules.get(type);
  if (!checked) {
    checked = z.object({
      linkType: z.literal(type),
      ...Object.fromEntries(
        fieldsFor(type).map((field) => [
          field.name,
          field.kind === 'flag'
            ? z.boolean()
            : field.kind === 'text'
              ? textSchema(field.name)
              : 'required' in field
                ? requiredId(field.name)
                : optionalId(field.name),
        ]),
      ),
    });
    rules.set(type, checked);
  }
  return checked;
}

export type FieldErrors = Partial<Record<FormField, string>>;
export type FormCheck = { ok: true; input: LinkInput } | { ok: false; errors: FieldErrors };

/** Turns the form into a request, or into one message per invalid field. Never throws. */
export function parseLinkForm(value: unknown): FormCheck {
  // Every field of LinkFormSchema falls back on its own, so only a non-object fails here: treat it as an empty form.
  const form = LinkFormSchema.safeParse(value);
  const typed = form.success ? form.data : EMPTY_FORM;
  const result = linkInputRules(typed.linkType).safeParse(typed);
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
  const form: LinkForm = { ...EMPTY_FORM, linkType: input.linkType };
  const values = input as Partial<Record<FormField, number | string | boolean>>;
  for (const field of fieldsFor(input.linkType)) {
    const value = values[field.name];
    if (field.kind === 'flag') (form as Record<FormField, string | boolean>)[field.name] = value === true;
    else (form as Record<FormField, string | boolean>)[field.name] = value === undefined ? '' : String(value);
  }
  return form;
}

/** What the form's link leads to, as one comparable key ("offer:42", "smart:5"; "offer:" when empty). */
export const targetKey = (form: LinkForm): string => `${form.linkType}:${form[TARGET_FIELDS[form.linkType]].trim()}`;

/** Whether the form holds anything under "More options", so that section opens. */
export const hasMoreOptions = (form: LinkForm) => MORE_OPTIONS.some((field) => form[field] !== EMPTY_FORM[field]);

const checkedId = z.number().check(z.gte(1), z.lte(MAX_ID), z.refine(Number.isInteger));
const checkedText = z.optional(z.string().check(z.maxLength(MAX_TEXT)));
const checkedInputFor = (type: LinkType) =>
  z.object({
    linkType: z.literal(type),
    ...Object.fromEntries(
      fieldsFor(type).map((field) => [
        field.name,
        field.kind === 'flag' ? z.boolean() : field.kind === 'text' ? checkedText : 'required' in field ? checkedId : z.optional(checkedId),
      ]),
    ),
  });

/**
 * A checked request, as parseLinkForm makes it: its link type's fields only, IDs as numbers, text
 * within Everflow's limit, absent fields absent. The background takes a popup's request in this shape
 * (the popup parsed the form), and the history keeps each link's request in it. Entries stored before
 * smart links carry no link type: they are offer links.
 */
export const LinkInputSchema = z.pipe(
  z.transform((value: unknown) =>
    typeof value === 'object' && value !== null && !('linkType' in value) ? { ...value, linkType: 'offer' } : value,
  ),
  z.discriminatedUnion('linkType', [checkedInputFor('offer'), checkedInputFor('smart'), checkedInputFor('partner')]),
) as unknown as z.ZodMiniType<LinkInput>;
