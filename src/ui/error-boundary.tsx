// A part of a page that throws while it renders shows one sentence in its place instead of leaving a
// blank (Preact unmounts a tree that throws): the rest of the page keeps working. Around each part
// loaded on demand (the QR code, History, Presets, the pinned pairs, the link panel) and each page's root.
import { Component, type ComponentChildren } from 'preact';

/** What the person reads in place of the part, e.g. failedPart('The QR code'). */
export const failedPart = (what: string) =>
  `${what} could not be shown: something went wrong inside the extension. Close this page and open it again; the rest of it still works.`;

interface Props {
  /** The part, as named in the sentence ("The QR code", "This page"). */
  what: string;
  children: ComponentChildren;
}

export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static override getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    // The kind of failure only: an error's text could carry data that must not be logged.
    console.error(
      `Link Builder for Everflow: ${this.props.what} failed to render (${error instanceof Error ? error.name : typeof error}).`,
    );
  }

  override render() {
    return this.state.failed ? (
      <p role="alert" class="part-failed">
        {failedPart(this.props.what)}
      </p>
    ) : (
      this.props.children
    );
  }
}
