/** @jsxImportSource preact */
// The link form's inputs, for every page that shows them (popup, Bulk links): each labelled, its
// note, warning and error right below it (the warning and error announced), tied with aria-describedby. Which fields exist, their labels
// and kinds come from the one list in everflow/link-fields.ts.
import type { ComponentChildren } from 'preact';
import {
  FIELD_LABELS,
  LINK_FIELDS,
  NETWORK_LINK_TYPES,
  LINK_TYPE_LABELS,
  usesField,
  type FlagField,
  type FormField,
  type IdField,
  type LinkType,
  type TextField,
} from '../everflow/link-fields';
import type { FieldErrors, LinkForm } from '../shared/link/link-form';
import { fieldId } from './field-ids';

interface InputFieldProps {
  name: IdField | TextField;
  value: string;
  error: string | undefined;
  /** Where the value came from, or what it names (e.g. the offer's name and status). */
  note?: ComponentChildren;
  /** A plain sentence about the value a person must know before making the link (e.g. a paused offer). */
  warning?: string | undefined;
  onValue: (name: IdField | TextField, value: string) => void;
  onFocus?: (() => void) | undefined;
  /** Not used by the link type chosen: kept (and its value with it) but not shown. */
  hidden?: boolean | undefined;
}

const isId = (name: FormField) => LINK_FIELDS.some((field) => field.name === name && field.kind === 'id');

export function InputField({ name, value, error, note, warning, onValue, onFocus, hidden }: InputFieldProps) {
  const id = fieldId(name);
  // An error says the value cannot be used at all: what the value names no longer matters.
  const shown = { note: !error && !!note, warning: !error && !!warning };
  const described = [error ? `${id}-error` : '', shown.note ? `${id}-note` : '', shown.warning ? `${id}-warning` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={`field field-${name}`} hidden={hidden}>
      <label for={id}>{FIELD_LABELS[name]}</label>
      <input
        id={id}
        name={name}
        type="text"
        value={value}
        inputMode={isId(name) ? 'numeric' : undefined}
        autoComplete="off"
        spellcheck={false}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described || undefined}
        onInput={(event) => onValue(name, event.currentTarget.value)}
        onFocus={onFocus}
      />
      {shown.note ? (
        <span id={`${id}-note`} class="field-note">
          {note}
        </span>
      ) : null}
      {shown.warning ? (
        <span id={`${id}-warning`} class="field-warning" role="status">
          {warning}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} class="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}

interface CheckboxFieldProps {
  name: FlagField;
  checked: boolean;
  onFlag: (name: FlagField, checked: boolean) => void;
}

export function CheckboxField({ name, checked, onFlag }: CheckboxFieldProps) {
  const id = fieldId(name);
  return (
    <div class="check">
      <input id={id} name={name} type="checkbox" checked={checked} onChange={(event) => onFlag(name, event.currentTarget.checked)} />
      <label for={id}>{FIELD_LABELS[name]}</label>
    </div>
  );
}

export interface FieldsProps {
  form: LinkForm;
  errors: FieldErrors;
  onValue: (name: IdField | TextField, value: string) => void;
  onFlag: (name: FlagField, checked: boolean) => void;
  /** An ID field got focus (the popup loads its pickers then). */
  onIdFocus?: (() => void) | undefined;
}

const inGroup = (group: 'subs' | 'more') => LINK_FIELDS.filter((field) => field.group === group);

/** Sub 1–5, side by side. */
export function SubFields({ form, errors, onValue }: FieldsProps) {
  return (
    <div class="subs">
      {inGroup('subs').map(({ name }) => (
        <InputField key={name} name={name as TextField} value={form[name as TextField]} error={errors[name]} onValue={onValue} />
      ))}
    </div>
  );
}

/**
 * The "More options" fields: IDs two to a row (a grid, so the ones the link type does not use leave
 * no gap), then the flags.
 */
export function MoreOptionFields({ form, errors, onValue, onFlag, onIdFocus }: FieldsProps) {
  const fields = inGroup('more');
  const ids = fields.filter((field) => field.kind === 'id').map((field) => field.name as IdField);
  return (
    <>
      <div class="row">
        {ids.map((name) => (
          <InputField
            key={name}
            name={name}
            value={form[name]}
            error={errors[name]}
            onValue={onValue}
            onFocus={onIdFocus}
            hidden={!usesField(form.linkType, name)}
          />
        ))}
      </div>
      {fields
        .filter((field) => field.kind === 'flag')
        .map(({ name }) => (
          <CheckboxField key={name} name={name as FlagField} checked={form[name as FlagField]} onFlag={onFlag} />
        ))}
    </>
  );
}

export const LINK_TYPE_LEGEND = 'Link to';

/**
 * The choice between an offer link and a smart link: native radio buttons, so arrow keys move
 * between them and screen readers say which is chosen.
 */
export function LinkTypeChoice({ value, onChoose }: { value: LinkType; onChoose: (type: LinkType) => void }) {
  return (
    // A partner's key makes one kind of link: nothing to choose.
    <fieldset class="link-type" hidden={value === 'partner'}>
      <legend>{LINK_TYPE_LEGEND}</legend>
      {NETWORK_LINK_TYPES.map((type) => (
        <label key={type}>
          <input type="radio" name="linkType" value={type} checked={value === type} onChange={() => onChoose(type)} />
          {LINK_TYPE_LABELS[type]}
        </label>
      ))}
    </fieldset>
  );
}
