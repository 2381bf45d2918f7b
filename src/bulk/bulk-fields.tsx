// Labelled inputs for the Bulk links page: the same markup, ids (field-<name>, which the pickers
// attach to) and error wiring as the popup's form-fields.tsx. A copy, not an import: sharing that
// module would split it out of the popup's entry chunk, one more file in the popup's first load.
import { FIELD_LABELS, type FlagField, type FormField, type IdField, type TextField } from '../shared/link-form';

export const fieldId = (name: FormField) => `field-${name}`;

interface InputFieldProps {
  name: IdField | TextField;
  value: string;
  error: string | undefined;
  numeric?: boolean;
  onValue: (name: IdField | TextField, value: string) => void;
}

export function InputField({ name, value, error, numeric, onValue }: InputFieldProps) {
  const id = fieldId(name);
  return (
    <div class={`field field-${name}`}>
      <label for={id}>{FIELD_LABELS[name]}</label>
      <input
        id={id}
        name={name}
        type="text"
        value={value}
        inputMode={numeric ? 'numeric' : undefined}
        autoComplete="off"
        spellcheck={false}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onInput={(event) => onValue(name, event.currentTarget.value)}
      />
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
