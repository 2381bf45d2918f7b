/** @jsxImportSource preact */
// Labelled inputs whose error sits right below them, announced, and tied with aria-describedby.
import { FIELD_LABELS, type FlagField, type IdField, type TextField } from '../shared/link-form';
import { fieldId } from './form-layout';

interface InputFieldProps {
  name: IdField | TextField;
  value: string;
  error: string | undefined;
  numeric?: boolean;
  note?: string | undefined;
  onValue: (name: IdField | TextField, value: string) => void;
  onFocus?: (() => void) | undefined;
}

export function InputField({ name, value, error, numeric, note, onValue, onFocus }: InputFieldProps) {
  const id = fieldId(name);
  const described = [error ? `${id}-error` : '', note ? `${id}-note` : ''].filter(Boolean).join(' ');
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
        aria-describedby={described || undefined}
        onInput={(event) => onValue(name, event.currentTarget.value)}
        onFocus={onFocus}
      />
      {note && !error ? (
        <span id={`${id}-note`} class="field-note">
          {note}
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
      <input
        id={id}
        name={name}
        type="checkbox"
        checked={checked}
        onChange={(event) => onFlag(name, event.currentTarget.checked)}
      />
      <label for={id}>{FIELD_LABELS[name]}</label>
    </div>
  );
}
