// @vitest-environment happy-dom
// A part that throws while it renders: the sentence in its place, the rest of the page still there.
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary, failedPart } from './error-boundary';

function Broken(): never {
  throw new Error('lean-qr error 4 with https://trk.example/?sub1=secret');
}

describe('ErrorBoundary', () => {
  it('shows one sentence in place of a part that throws; the parts beside it stay', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const root = document.createElement('div');
    render(
      <main>
        <p>The form</p>
        <ErrorBoundary what="The QR code">
          <Broken />
        </ErrorBoundary>
        <ErrorBoundary what="The pinned pairs">
          <p>Spring sale × Acme Media</p>
        </ErrorBoundary>
      </main>,
      root,
    );
    // Preact renders the boundary's fallback on its next pass.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(root.textContent).toBe(`The form${failedPart('The QR code')}Spring sale × Acme Media`);
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(failedPart('The QR code'));
    // Only the kind of failure is logged, never the error's text.
    const lines = logged.mock.calls.map((call) => call.join(' '));
    expect(lines).toContain('Link Builder for Everflow: The QR code failed to render (Error).');
    for (const line of lines) expect(line).not.toContain('secret');
    logged.mockRestore();
  });
});
