// How each options section opens: one line of what it is for, and the detail behind a native "About …"
// disclosure, closed until asked for (the page is scanned by its headings and first lines).
import type { ComponentChildren } from 'preact';

interface Props {
  /** The one line. */
  line: ComponentChildren;
  /** The disclosure's label, "About presets". */
  about: string;
  /** The detail, in paragraphs or plain text. */
  children: ComponentChildren;
}

export function SectionIntro({ line, about, children }: Props) {
  return (
    <>
      <p class="lead">{line}</p>
      <details class="more">
        <summary>{about}</summary>
        <div class="hint">{children}</div>
      </details>
    </>
  );
}
