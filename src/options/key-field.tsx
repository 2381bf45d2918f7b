// An API key field: typed hidden (Show key / Hide key), its refusal right under it as an alert the field
// names with aria-describedby. The key is only ever typed here and sent to the background: the page
// never reads one back, and the field is emptied once the background has kept it.
import { useEffect, useState } from 'preact/hooks';
import { ApiKeySchema } from '../shared/protocol/messages';

/** The typed key as the background will check it: trimmed, or the sentence that says what is wrong. */
function typedKey(text: string): { ok: true; key: string } | { ok: false; message: string } {
  const checked = ApiKeySchema.safeParse(text);
  return checked.success
    ? { ok: true, key: checked.data }
    : { ok: false, message: checked.error.issues[0]?.message ?? 'Enter the API key.' };
}

type Answer = { ok: true } | { ok: false; message: string };

/**
 * A key being entered in a KeyField: what is typed and its refusal. `submit` checks the typed key and,
 * when it is one, hands it to `keep` (a message to the background) and answers its reply: a refusal is
 * said under the field, which takes the focus and keeps what was typed; a key kept empties the field.
 * Undefined when nothing was sent (the typed text is no key, or a key is on its way already).
 */
export function useKeyEntry(id: string) {
  const [key, setKey] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const refuse = (message: string) => {
    setError(message);
    document.getElementById(id)?.focus();
  };
  async function submit<R extends Answer>(keep: (key: string) => Promise<R>): Promise<R | undefined> {
    if (busy) return undefined;
    const typed = typedKey(key);
    if (!typed.ok) {
      refuse(typed.message);
      return undefined;
    }
    setError('');
    setBusy(true);
    const reply = await keep(typed.key);
    setBusy(false);
    if (reply.ok) setKey('');
    else refuse(reply.message);
    return reply;
  }
  const onValue = (value: string) => {
    setKey(value);
    if (error) setError('');
  };
  return { busy, submit, field: { id, value: key, error, onValue } };
}

interface KeyFieldProps {
  id: string;
  label: string;
  value: string;
  /** Why the key was refused (by the page's check or by Everflow), or ''. */
  error: string;
  onValue: (value: string) => void;
}

export function KeyField({ id, label, value, error, onValue }: KeyFieldProps) {
  const [shown, setShown] = useState(false);
  // A key kept (the field emptied) is hidden again, whatever the toggle was.
  useEffect(() => {
    if (value === '') setShown(false);
  }, [value]);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <div class="key-row">
        <input
          id={id}
          type={(shown ? 'text' : 'password') as 'text'}
          value={value}
          autoComplete="off"
          spellcheck={false}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(event) => onValue(event.currentTarget.value)}
        />
        <button type="button" aria-pressed={shown} aria-controls={id} onClick={() => setShown(!shown)}>
          {shown ? 'Hide key' : 'Show key'}
        </button>
      </div>
      {error ? (
        <span id={`${id}-error`} class="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
