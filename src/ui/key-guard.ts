// Keeping the API key out of what a page writes: a preset, a template, an export, a CSV, a link shown.
// Pages never see the key; the background says which texts hold it, in any encoding, and gives them
// back without it (the guardTexts message).
import type { Failure } from '../everflow/failures';
import { useEffect, useState } from 'preact/hooks';
import { send } from '../shared/protocol/connector';

/** The refusal when a field of a preset or template holds the key ("Sub 1 holds your API key…"). */
export const keySavedMessage = (label: string) =>
  `${label} holds your API key, which must never be saved where links and messages are made from; remove it and save again.`;

/** Said when a file or export had the key cut out of it. */
export const KEY_CUT_NOTE = 'Your API key was cut out of it: it must never leave this browser except to Everflow.';

/**
 * One message per field whose text holds the key ({} when none does), or the Failure when the
 * background could not say: then nothing is saved (a key must not slip through for want of a check).
 */
export async function fieldsHoldingKey<F extends string>(
  fields: Partial<Record<F, string>>,
  label: (field: F) => string,
): Promise<Partial<Record<F, string>> | Failure> {
  const names = (Object.keys(fields) as F[]).filter((field) => (fields[field] ?? '') !== '');
  if (names.length === 0) return {};
  const reply = await send('guardTexts', { texts: names.map((field) => fields[field]!) });
  if (!reply.ok) return reply;
  return Object.fromEntries(
    names.flatMap((field, index) => (reply.held[index] ? [[field, keySavedMessage(label(field))]] : [])),
  ) as Partial<Record<F, string>>;
}

/** `texts` with the key cut out, and whether any held it; the Failure when the background could not say. */
export async function withoutTheKey(texts: string[]): Promise<{ ok: true; texts: string[]; held: boolean } | Failure> {
  if (texts.length === 0) return { ok: true, texts, held: false };
  const reply = await send('guardTexts', { texts });
  return reply.ok ? { ok: true, texts: reply.cleaned, held: reply.held.some(Boolean) } : reply;
}

/** Shown in place of a link that holds the key (an old history entry): nothing of it reaches the page. */
export const LINK_HOLDS_KEY = 'This link holds your API key, so it is not shown, opened or copied; delete it.';

/**
 * Which of `texts` hold the key, once the background has said (null until then): a page shows such a
 * text, or opens or draws it, only when it is known not to.
 */
export function useTextsHoldingKey(texts: readonly string[]): ReadonlySet<string> | null {
  const [held, setHeld] = useState<ReadonlySet<string> | null>(() => (texts.length === 0 ? new Set() : null));
  const asked = texts.join('\n');
  useEffect(() => {
    if (texts.length === 0) return setHeld(new Set());
    let current = true;
    void send('guardTexts', { texts: [...texts] }).then((reply) => {
      // No answer: treat every text as holding it rather than show a key.
      if (current) setHeld(new Set(reply.ok ? texts.filter((_, index) => reply.held[index]) : texts));
    });
    return () => void (current = false);
  }, [asked]);
  return held;
}
