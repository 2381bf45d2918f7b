// Copy formats on the options page: the default format (the bare link, one line with the names, or a
// template), and the team's message templates: add, edit, delete, with the tokens to insert and a live
// preview filled in with an example link. Templates are not secret: this page writes copyFormatsItem
// itself, each change one serialised update. Text is always shown as text, never as HTML. An
// administrator's policy's templates come first, read-only ("Set by <organisation>"), and a default
// format the policy sets locks the choice of default.
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  BUILT_IN_FORMATS,
  COPY_TOKENS,
  MAX_TEMPLATES,
  MAX_TEMPLATE_TEXT,
  copyFormatsItem,
  fillTemplate,
  type CopyFormats,
  type Template,
} from '../shared/copy-formats/copy-formats';
import {
  EXAMPLE_FACTS,
  checkTemplate,
  deleteTemplate,
  emptyTokensNote,
  formatChoices,
  saveTemplate,
  type TemplateDraft,
  type TemplateErrors,
} from '../shared/copy-formats/templates';
import { useStored } from '../ui/use-stored';
import { fieldsHoldingKey } from '../ui/key-guard';
import { notSaved } from '../shared/storage/define-item';
import { ConfirmDelete } from './confirm-delete';
import { SectionNotice, type Notice } from './section-notice';
import { SectionIntro } from './section-intro';
import { SetBy, usePolicy } from './policy-parts';
import { isManaged } from '../shared/policy/managed-items';
import { copyFormatsUnder } from '../shared/policy/policy';

export const COPY_FORMATS_UNREADABLE =
  'The saved copy formats could not be read, so none are shown; templates you save now are kept as usual.';

/** Which template the editor holds: a new one, or the one with this id. */
type Editing = { id: string | undefined } | null;

export function CopyFormatsSection() {
  const [notice, setNotice] = useState<Notice>(null);
  const formats = useStored(copyFormatsItem, () => setNotice({ text: COPY_FORMATS_UNREADABLE, tone: 'error' }));
  const policy = usePolicy();
  const [editing, setEditing] = useState<Editing>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  /** Applies a change to the stored formats as they are now; true when it was saved. */
  async function change(apply: (current: CopyFormats) => CopyFormats | string, done: string): Promise<boolean> {
    let refused: string | undefined;
    try {
      await copyFormatsItem.update((current) => {
        const next = apply(current);
        if (typeof next === 'string') {
          refused = next;
          return current;
        }
        return next;
      });
    } catch {
      setNotice({ text: notSaved('The copy formats'), tone: 'error' });
      return false;
    }
    setNotice(refused ? { text: refused, tone: 'error' } : { text: done, tone: 'ok' });
    return refused === undefined;
  }

  if (formats === null || policy === null)
    return (
      <section id="copy-formats" aria-labelledby="copy-formats-heading">
        <h2 id="copy-formats-heading" tabIndex={-1}>
          Copy formats
        </h2>
      </section>
    );
  // What every page uses: the policy's templates beside the person's own, the policy's default if it sets one.
  const inUse = copyFormatsUnder(formats, policy);
  const theirs = inUse.templates.filter(isManaged);
  const choices = formatChoices(inUse);
  const defaultId = choices.some((format) => format.id === inUse.defaultFormat) ? inUse.defaultFormat : 'link';
  const defaultLocked = policy.defaultCopyFormat !== undefined;
  const full = formats.templates.length >= MAX_TEMPLATES;

  return (
    <section id="copy-formats" aria-labelledby="copy-formats-heading">
      <h2 id="copy-formats-heading" tabIndex={-1}>
        Copy formats
      </h2>
      <SectionIntro line="What goes on the clipboard when a link is made." about="About copy formats">
        Choose what goes on the clipboard when a link is made: the link alone, one line with the offer and partner names, or a message
        template your team writes. The default format is used by the popup’s Generate and Copy, the right-click menu, the keyboard shortcut
        and History; the popup can copy any format. The API key is never copied, even if a template holds it.
      </SectionIntro>
      <fieldset class="choices" disabled={defaultLocked} aria-describedby={defaultLocked ? 'default-format-set-by' : undefined}>
        <legend>
          Default format{defaultLocked ? ': ' : null}
          {defaultLocked ? <SetBy policy={policy} id="default-format-set-by" /> : null}
        </legend>
        {choices.map((format) => (
          <label key={format.id}>
            <input
              type="radio"
              name="default-format"
              value={format.id}
              checked={defaultId === format.id}
              onChange={() =>
                void change((current) => ({ ...current, defaultFormat: format.id }), `“${format.name}” is now the default format.`)
              }
            />
            {format.name}
          </label>
        ))}
      </fieldset>
      <h3 class="templates-heading">Message templates</h3>
      {theirs.length === 0 ? null : (
        <ul class="templates" aria-label={`Templates set by ${policy.organisationName ?? 'your administrator'}`}>
          {theirs.map((template) => (
            <li class="template managed" key={template.id}>
              <h4>{template.name}</h4>
              <p class="template-text">{template.text}</p>
              <p>
                <SetBy policy={policy} />: it cannot be changed or deleted here.
              </p>
            </li>
          ))}
        </ul>
      )}
      {formats.templates.length === 0 ? (
        theirs.length > 0 ? null : (
          <p>No templates yet.</p>
        )
      ) : (
        <ul class="templates">
          {formats.templates.map((template) => (
            <li class="template" key={template.id}>
              <h4>{template.name}</h4>
              <p class="template-text">{template.text}</p>
              {confirming === template.id ? (
                <ConfirmDelete
                  what={`template “${template.name}”`}
                  onDelete={() => {
                    setConfirming(null);
                    if (editing?.id === template.id) setEditing(null);
                    void change((current) => deleteTemplate(current, template.id), `Deleted template “${template.name}”.`);
                  }}
                  onCancel={() => setConfirming(null)}
                />
              ) : (
                <div class="actions">
                  <button type="button" aria-label={`Edit template ${template.name}`} onClick={() => setEditing({ id: template.id })}>
                    Edit
                  </button>
                  <button type="button" aria-label={`Delete template ${template.name}`} onClick={() => setConfirming(template.id)}>
                    Delete
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <TemplateEditor
          key={editing.id ?? 'new'}
          template={formats.templates.find((template) => template.id === editing.id)}
          // A name the policy's templates have is taken too.
          templates={[...theirs, ...formats.templates]}
          onCancel={() => setEditing(null)}
          onSave={async (draft) => {
            const id = editing.id ?? crypto.randomUUID();
            const saved = await change((current) => {
              const errors = checkTemplate(draft, current.templates, editing.id);
              const first = errors.list ?? errors.name ?? errors.text;
              return first ?? saveTemplate(current, draft, id, editing.id);
            }, `Saved template “${draft.name.trim()}”.`);
            if (saved) setEditing(null);
          }}
        />
      ) : (
        <div class="actions">
          <button
            type="button"
            disabled={full}
            aria-describedby={full ? 'templates-full' : undefined}
            onClick={() => setEditing({ id: undefined })}
          >
            Add template
          </button>
          {full ? (
            <span id="templates-full" class="hint">
              You can keep up to {MAX_TEMPLATES} templates; delete one to add another.
            </span>
          ) : null}
        </div>
      )}
      <SectionNotice id="copy-formats-notice" notice={notice} />
    </section>
  );
}

interface EditorProps {
  template: Template | undefined;
  templates: readonly Template[];
  onSave: (draft: TemplateDraft) => Promise<void>;
  onCancel: () => void;
}

const BUILT_IN_NAMES = BUILT_IN_FORMATS.map((format) => format.name).join(' and ');

function TemplateEditor({ template, templates, onSave, onCancel }: EditorProps) {
  const [draft, setDraft] = useState<TemplateDraft>({ name: template?.name ?? '', text: template?.text ?? '' });
  const [errors, setErrors] = useState<TemplateErrors>({});
  const textArea = useRef<HTMLTextAreaElement>(null);
  const preview = fillTemplate(draft.text, EXAMPLE_FACTS);
  // Opened by Add template or Edit: the person goes on typing there.
  useEffect(() => document.getElementById('template-name')?.focus(), []);
  const note = emptyTokensNote(preview.empty);

  /** Puts the token where the cursor is in the message (or at its end), and the cursor after it. */
  function insert(token: string) {
    const area = textArea.current;
    const start = area?.selectionStart ?? draft.text.length;
    const end = area?.selectionEnd ?? draft.text.length;
    const text = `${draft.text.slice(0, start)}${token}${draft.text.slice(end)}`;
    setDraft({ ...draft, text });
    requestAnimationFrame(() => {
      if (!area) return;
      area.value = text;
      area.setSelectionRange(start + token.length, start + token.length);
    });
  }

  async function save(event: Event) {
    event.preventDefault();
    const rules = checkTemplate(draft, templates, template?.id);
    const holding =
      rules.name || rules.text
        ? {}
        : await fieldsHoldingKey({ name: draft.name, text: draft.text }, (field) => (field === 'name' ? 'The name' : 'The message text'));
    const found: TemplateErrors = 'ok' in holding ? { ...rules, text: holding.message } : { ...rules, ...holding };
    setErrors(found);
    if (found.name) document.getElementById('template-name')?.focus();
    else if (found.text) textArea.current?.focus();
    if (found.name || found.text || found.list) return;
    await onSave(draft);
  }

  const described = (field: 'name' | 'text', extra?: string) =>
    [errors[field] ? `template-${field}-error` : '', extra ?? ''].filter(Boolean).join(' ') || undefined;

  return (
    <form class="template-editor" aria-labelledby="template-editor-heading" onSubmit={save} noValidate>
      <h3 id="template-editor-heading">{template ? `Edit template “${template.name}”` : 'New template'}</h3>
      <div class="field">
        <label for="template-name">Template name</label>
        <input
          id="template-name"
          type="text"
          value={draft.name}
          autoComplete="off"
          aria-invalid={errors.name ? 'true' : undefined}
          aria-describedby={described('name', 'template-name-hint')}
          onInput={(event) => setDraft({ ...draft, name: event.currentTarget.value })}
        />
        <span id="template-name-hint" class="hint">
          Up to 60 characters; not the same as another template or as {BUILT_IN_NAMES}.
        </span>
        {errors.name ? (
          <span id="template-name-error" class="field-error" role="alert">
            {errors.name}
          </span>
        ) : null}
      </div>
      <div class="field">
        <label for="template-text">Message</label>
        <textarea
          id="template-text"
          ref={textArea}
          rows={5}
          value={draft.text}
          spellcheck={false}
          aria-invalid={errors.text ? 'true' : undefined}
          aria-describedby={described('text', 'template-text-count')}
          onInput={(event) => setDraft({ ...draft, text: event.currentTarget.value })}
        />
        <span id="template-text-count" class={draft.text.length > MAX_TEMPLATE_TEXT ? 'field-error' : 'hint'}>
          {draft.text.length.toLocaleString('en')} of {MAX_TEMPLATE_TEXT.toLocaleString('en')} characters
        </span>
        {errors.text ? (
          <span id="template-text-error" class="field-error" role="alert">
            {errors.text}
          </span>
        ) : null}
      </div>
      <div class="tokens" role="group" aria-labelledby="tokens-label">
        <span id="tokens-label">Insert a token:</span>
        {COPY_TOKENS.map((token) => (
          <button type="button" class="token" key={token} onClick={() => insert(token)}>
            {token}
          </button>
        ))}
      </div>
      <p class="hint">
        Each token is replaced by the link’s value when it is copied: the subs and Source ID as sent, names as the look-ups gave them, the
        date the link was made (YYYY-MM-DD). Tokens are case-sensitive; any other text in braces stays as typed.
      </p>
      <section class="template-preview" aria-labelledby="template-preview-label">
        <h4 id="template-preview-label">Preview</h4>
        <p class="hint">
          For an example link: offer {EXAMPLE_FACTS.targetId} “{EXAMPLE_FACTS.targetName}”, affiliate {EXAMPLE_FACTS.affiliateId} “
          {EXAMPLE_FACTS.affiliateName}”, Sub 1 “{EXAMPLE_FACTS.sent.sub1}”, Sub 2 “{EXAMPLE_FACTS.sent.sub2}”.
        </p>
        <p class="template-text preview-text">{preview.text}</p>
        <p class="hint" aria-live="polite">
          {note}
        </p>
      </section>
      {errors.list ? (
        <p class="field-error" role="alert">
          {errors.list}
        </p>
      ) : null}
      <div class="actions">
        <button type="submit" class="primary">
          Save template
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
