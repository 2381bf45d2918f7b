/** @jsxImportSource preact */
// What the popup shows after a generation: the link with Copy, Open and its QR code. Loaded with the
// first link to show (see popup.tsx), not with the popup: the popup's first load has a byte budget.
import { useState } from 'preact/hooks';
import { EMPTY_COPY_FORMATS, formatLink, factsFromSuccess } from '../shared/copy-formats/copy-formats';
import { formatChoices } from '../shared/copy-formats/templates';
import { DIRECT_LINK_NOTE, SOME_OFFERS_CLOSED_NOTE, UNSAVED_NOTE } from '../shared/link/link-notes';
import { linkSubject, type LinkSuccess } from '../shared/link/outcome';
import { formFromInput } from '../shared/link/link-form';
import { affiliateOf } from '../everflow/link-fields';
import { PinToggle } from '../ui/pin-toggle';
import { ErrorBoundary } from '../ui/error-boundary';
import { LINK_HOLDS_KEY, useTextsHoldingKey } from '../ui/key-guard';
import { useStored } from '../ui/use-stored';
import { copyFormatsInUse } from '../shared/policy/in-use';

interface LinkResultProps {
  link: LinkSuccess;
  /** Just made (and checked by the background as it came), or the last link, kept since. */
  fresh: boolean;
  /** `copiedAs`: the format's name, absent for the bare link. */
  onCopy: (text: string, copiedAs: string | undefined) => void;
  /** Says what the Pin toggle did. */
  onAnnounce: (text: string) => void;
  /** The account it was made with, said when there are several. */
  accountName?: string | undefined;
}

/** The names the link was made with, as a pin keeps them. */
function namesOf(link: LinkSuccess) {
  return {
    ...(link.offerName ? { offer: link.offerName } : {}),
    ...(link.campaignName ? { campaign: link.campaignName } : {}),
    ...(link.affiliateName ? { affiliate: link.affiliateName } : {}),
  };
}

export function LinkResult({ link, fresh, onCopy, onAnnounce, accountName }: LinkResultProps) {
  const heading = fresh ? 'Your tracking link' : 'Last link';
  // The QR code's module (with its encoder) loads on the first "Show QR code", not with the popup:
  // the popup's first load has a byte budget. Should it fail to load, the button just closes again.
  const [qr, setQr] = useState<typeof import('./qr-code') | null>(null);
  const [qrOpen, setQrOpen] = useState(false);
  const toggleQr = () => {
    setQrOpen(!qrOpen);
    if (!qr) import('./qr-code').then(setQr, () => setQrOpen(false));
  };
  // The copy formats are read with this panel, after the popup's first paint.
  const formats = useStored(copyFormatsInUse);
  /** The format Copy uses: the default until the person chooses another. */
  const [chosen, setChosen] = useState<string | null>(null);
  const formatId = chosen ?? formats?.defaultFormat ?? 'link';
  const copy = () => {
    if (!formats) return onCopy(link.url, undefined);
    const made = formatLink(formats, formatId, factsFromSuccess(link));
    onCopy(made.text, made.id === 'link' ? undefined : made.name);
  };
  const subject = linkSubject(link);
  // A fresh link was checked by the background as it came; a last link kept by an older version could
  // hold the key: shown, opened or drawn only once it is known not to.
  const holdingKey = useTextsHoldingKey(fresh ? [] : [link.url]);
  const safe = holdingKey !== null && holdingKey.size === 0;
  return (
    <section class="result">
      {/* Pin sits on the heading's line: the row of actions below is full at the popup's width. */}
      <div class="result-head">
        <label for="result-url" class="result-heading">
          {heading}
        </label>
        <PinToggle
          accountId={link.accountId}
          form={formFromInput(link.input)}
          names={namesOf(link)}
          onAnnounce={onAnnounce}
          class="secondary pin-toggle"
        />
      </div>
      <input
        id="result-url"
        class="result-url"
        type="text"
        readOnly
        value={safe ? link.url : holdingKey === null ? '' : LINK_HOLDS_KEY}
        onFocus={(event) => event.currentTarget.select()}
      />
      <div class="result-actions">
        <button type="button" onClick={copy} disabled={!safe}>
          Copy
        </button>
        <label for="result-format" class="result-format-label">
          as
        </label>
        <select id="result-format" value={formatId} onChange={(event) => setChosen(event.currentTarget.value)}>
          {formatChoices(formats ?? EMPTY_COPY_FORMATS).map((format) => (
            <option key={format.id} value={format.id}>
              {format.name}
            </option>
          ))}
        </select>
        {safe ? (
          <a class="button secondary" href={link.url} target="_blank" rel="noopener noreferrer">
            Open
          </a>
        ) : null}
        <button type="button" class="secondary" aria-expanded={qrOpen} onClick={toggleQr} disabled={!safe}>
          {qrOpen ? 'Hide QR code' : 'Show QR code'}
        </button>
      </div>
      {/* A line of its own: the format choice leaves no room beside the buttons at the popup's width. */}
      <p class="result-meta">
        {subject.kind} {subject.id} {subject.name}
        {affiliateOf(link.input) === undefined ? null : ` · Affiliate ${affiliateOf(link.input)} ${link.affiliateName ?? ''}`}
        {accountName ? ` · made with ${accountName}` : null}
      </p>
      {link.someOffersClosed ? <p class="result-warning">{SOME_OFFERS_CLOSED_NOTE}</p> : null}
      {link.directLink ? <p class="result-warning">{DIRECT_LINK_NOTE}</p> : null}
      {link.unsaved ? <p class="result-warning">{UNSAVED_NOTE}</p> : null}
      {safe && qrOpen && qr ? (
        <ErrorBoundary what="The QR code">
          <qr.QrCode url={link.url} />
        </ErrorBoundary>
      ) : null}
    </section>
  );
}
