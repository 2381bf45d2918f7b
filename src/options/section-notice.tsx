// The line under an options section that says what it last did: announced politely, styled by tone.

/** What a section last did, or null for nothing to say. */
export type Notice = { text: string; tone: 'ok' | 'error' } | null;

/** A section's notice line; `id` names it for the page's tests and for aria-describedby. */
export function SectionNotice({ id, notice }: { id: string; notice: Notice }) {
  return (
    <p id={id} class={`notice ${notice?.tone === 'error' ? 'failure' : 'ok'}`} aria-live="polite">
      {notice?.text ?? ''}
    </p>
  );
}
