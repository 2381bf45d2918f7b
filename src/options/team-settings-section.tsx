// Team settings on the options page: export presets, templates, the default copy format and one
// account's dashboard domains and pace as one file, and import one. With several accounts, "Account"
// says which account's domains and pace are exported, and which account an import gives them to (and
// ties the file's presets to, where the file does not say their network). Importing shows what would be
// added, replaced and left alone, and writes nothing until Import is pressed. Presets and templates are
// the pages' items; domains and the pace stay the background's, changed through updateAccount as an
// account's own settings are. An administrator's policy may turn importing off (allowImport: false):
// the file choice is then locked, and says who set that.
import { useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../shared/protocol/connector';
import { copyFormatsItem, type CopyFormats } from '../shared/copy-formats/copy-formats';
import { downloadFile } from '../ui/download';
import { withoutTheKey } from '../ui/key-guard';
import { pinnedPairsItem } from '../shared/pinned/pinned-pairs';
import { presetsItem, type PresetList } from '../shared/presets/presets';
import { accountName } from '../shared/accounts/accounts';
import { policyOwner, type Policy } from '../shared/policy/policy';
import { usePolicy } from './policy-parts';
import type { AccountView } from '../shared/protocol/replies';
import {
  domainsRefusedSentence,
  exportTeamSettings,
  importedSentence,
  mergeCopyFormats,
  mergePresets,
  planDetailText,
  planImport,
  planLineText,
  readTeamSettingsFile,
  teamSettingsFileName,
  teamSettingsJson,
  type LocalSettings,
  type Merge,
  type PlanLine,
  type TeamSettings,
} from '../shared/team/team-settings';
import { useStored } from '../ui/use-stored';
import { notSaved, type StorageItem } from '../shared/storage/define-item';
import { SectionNotice, type Notice } from './section-notice';
import { SectionIntro } from './section-intro';

const origin = (domain: string) => `https://${domain}/*`;
const STORAGE_FAILED = notSaved('The settings');

interface Props {
  /** The accounts as the background says them (null until it has); the page follows their changes. */
  accounts: readonly AccountView[] | null;
  /** The account chosen to begin with. */
  lastUsedId: string | null;
}

const newId = () => crypto.randomUUID();

/** Said when a file to import holds the API key saved here. */
export const KEY_IN_IMPORT =
  'That file’s presets or templates hold your API key, so it was not read and nothing was changed; remove the key from them and export the file again.';
/** Said when the team file would carry the API key. */
export const KEY_IN_EXPORT = 'Nothing was exported: a preset or a message template holds your API key; remove it there and export again.';

/** Merges the file's part into the stored item as it is now (`merge` says how); undefined when storage failed. */
async function importInto<T>(item: StorageItem<T>, merge: (current: T) => Merge<T>): Promise<Merge<T> | undefined> {
  let done: Merge<T> | undefined;
  try {
    await item.update((current) => {
      done = merge(current);
      return done.ok ? done.value : current;
    });
  } catch {
    return undefined;
  }
  return done;
}

interface Ticks {
  ticked: ReadonlySet<string>;
  onTick: (domain: string, on: boolean) => void;
}

/** One line: its heading (a checkbox for a dashboard domain), what it holds or changes, and what to look at. */
function PlanItem({ planned, ticked, onTick }: { planned: PlanLine } & Ticks) {
  const { domain } = planned;
  return (
    <li>
      {domain === undefined ? (
        planLineText(planned)
      ) : (
        <label class="check">
          <input type="checkbox" checked={ticked.has(domain)} onChange={(event) => onTick(domain, event.currentTarget.checked)} />
          {planLineText(planned)}
        </label>
      )}
      {planned.details.length > 0 ? (
        <dl class="plan-details" aria-label={`${planned.label}: details`}>
          {planned.details.map((detail) => (
            <div key={detail.what} title={planDetailText(detail)}>
              <dt>{detail.what}</dt>
              <dd>
                {detail.before === undefined ? (
                  detail.value
                ) : (
                  <>
                    <del>{detail.before}</del> → <ins>{detail.value}</ins>
                  </>
                )}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {planned.warnings.map((warning) => (
        <p key={warning} class="plan-warning">
          {warning}
        </p>
      ))}
    </li>
  );
}

function PlanList({ id, title, items, ...ticks }: { id: string; title: string; items: PlanLine[] } & Ticks) {
  return (
    <div class="plan-list">
      <h4 id={id}>{title}</h4>
      {items.length === 0 ? (
        <p class="hint">Nothing.</p>
      ) : (
        <ul aria-labelledby={id}>
          {items.map((item, index) => (
            <PlanItem key={`${index}:${item.label}`} planned={item} {...ticks} />
          ))}
        </ul>
      )}
    </div>
  );
}

/** Said where a file would be chosen, when the policy turns importing off. */
export const importOff = (policy: Policy) => `Importing team settings is turned off here: set by ${policyOwner(policy)}.`;

export function TeamSettingsSection({ accounts, lastUsedId }: Props) {
  const policy = usePolicy();
  const importAllowed = policy?.allowImport !== false;
  const presets = useStored(presetsItem);
  const copyFormats = useStored(copyFormatsItem);
  const pinned = useStored(pinnedPairsItem);
  const [pickedId, setPickedId] = useState<string | null>(null);
  const all = accounts ?? [];
  /** The account whose domains and pace a file carries: the one picked, else the last used, else the first. */
  const account = all.find((candidate) => candidate.id === pickedId) ?? all.find((candidate) => candidate.id === lastUsedId) ?? all[0];
  const local = (list: PresetList, formats: CopyFormats): LocalSettings => ({
    presets: list,
    copyFormats: formats,
    settings: account && { dashboardDomains: account.dashboardDomains, requestsPerSecond: account.requestsPerSecond },
    accounts: all,
    accountId: account?.id,
  });
  /** The file's new dashboard domains the person ticked; none to begin with, as each grants access to a whole site. */
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [chosen, setChosen] = useState<{ name: string; file: TeamSettings } | null>(null);
  const [fileError, setFileError] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);

  // Worked out again whenever this browser's settings change, so the preview is always of now.
  const plan =
    chosen && presets && copyFormats && pinned && accounts
      ? planImport(local(presets, copyFormats), chosen.file, { pins: pinned.pins, domains: [...ticked] })
      : null;
  const ticks: Ticks = {
    ticked,
    onTick: (domain, on) =>
      setTicked((before) => {
        const next = new Set(before);
        if (on) next.add(domain);
        else next.delete(domain);
        return next;
      }),
  };

  /** Set when the preview closes: focus goes back to the file field once it is enabled again. */
  const refocus = useRef(false);

  useEffect(() => {
    if (chosen) previewHeading.current?.focus();
    else if (refocus.current && !busy) {
      refocus.current = false;
      fileInput.current?.focus();
    }
  }, [chosen, busy]);

  async function exportSettings() {
    setNotice(null);
    try {
      const [presetList, formats] = await Promise.all([presetsItem.value(), copyFormatsItem.value()]);
      const now = new Date();
      const name = teamSettingsFileName(now);
      const json = teamSettingsJson(exportTeamSettings(local(presetList, formats), now));
      // A file meant for teammates: a preset or template holding the key is to be fixed, not shipped.
      const guarded = await withoutTheKey([json]);
      if (!guarded.ok) return setNotice({ tone: 'error', text: guarded.message });
      if (guarded.held) return setNotice({ tone: 'error', text: KEY_IN_EXPORT });
      downloadFile([json], 'application/json', name);
      setNotice({ tone: 'ok', text: `Exported to ${name}, without your API key and your link history.` });
    } catch {
      setNotice({ tone: 'error', text: 'The settings could not be read from browser storage, so nothing was exported.' });
    }
  }

  async function choose(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    setChosen(null);
    setTicked(new Set());
    setNotice(null);
    setFileError('');
    if (!file) return;
    const read = await readTeamSettingsFile(file);
    // Choosing the same file again (after Cancel) is a new choice.
    input.value = '';
    if (!read.ok) {
      setFileError(read.message);
      input.focus();
      return;
    }
    // What the file would save where links and messages are made from must not hold this browser's key.
    const texts = [
      ...read.file.presets.presets.flatMap((preset) => [
        preset.name,
        ...Object.values(preset.values).filter((value) => typeof value === 'string'),
      ]),
      ...read.file.copyFormats.templates.flatMap((template) => [template.name, template.text]),
    ];
    const guarded = await withoutTheKey(texts);
    if (!guarded.ok || guarded.held) {
      setFileError(guarded.ok ? KEY_IN_IMPORT : guarded.message);
      input.focus();
      return;
    }
    setChosen({ name: file.name, file: read.file });
  }

  function close(done: Notice) {
    refocus.current = true;
    setChosen(null);
    setNotice(done);
  }

  async function confirm() {
    if (!chosen || !plan?.ok) return;
    // Turned off while the preview was open.
    if (!importAllowed) return close({ tone: 'error', text: importOff(policy ?? {}) });
    const { file } = chosen;
    const { newDomains, requestsPerSecond } = plan.settings;
    const accountId = account?.id;
    setBusy(true);
    // Must be the first await: the browser asks only inside the click that requested it.
    const granted = newDomains.length === 0 || (await chrome.permissions.request({ origins: newDomains.map(origin) }).catch(() => false));
    const ties = { list: all, chosenId: accountId };
    const presetsDone = await importInto(presetsItem, (current) => mergePresets(current, file.presets, newId, [], ties));
    const formatsDone = presetsDone?.ok
      ? await importInto(copyFormatsItem, (current) => mergeCopyFormats(current, file.copyFormats, newId))
      : undefined;
    if (!presetsDone?.ok || !formatsDone?.ok) {
      if (granted && newDomains.length > 0) await chrome.permissions.remove({ origins: newDomains.map(origin) }).catch(() => false);
      setBusy(false);
      const failed = [presetsDone, formatsDone].find((done) => done && !done.ok);
      const text = failed && !failed.ok ? failed.message : STORAGE_FAILED;
      // Presets written and templates not: say so rather than "nothing".
      close({ tone: 'error', text: presetsDone?.ok ? `The presets were imported; the templates were not: ${text}` : text });
      return;
    }
    const added: string[] = [];
    const notAdded: string[] = [];
    // The plan offers domains only when there is an account to take them.
    if (granted && accountId !== undefined) {
      for (const domain of newDomains) {
        const reply = await send('updateAccount', { accountId, dashboardDomain: { action: 'add', domain } });
        if (reply.ok) added.push(domain);
        else {
          notAdded.push(reply.message);
          await chrome.permissions.remove({ origins: [origin(domain)] }).catch(() => false);
        }
      }
    }
    const pace = requestsPerSecond === undefined || !accountId ? undefined : await send('updateAccount', { accountId, requestsPerSecond });
    setBusy(false);
    const sentences = [
      importedSentence({
        presets: presetsDone.count,
        templates: formatsDone.count,
        domains: added.length,
        pace: pace?.ok === true,
        defaultPreset: presetsDone.defaultChanged,
        defaultFormat: formatsDone.defaultChanged,
      }),
    ];
    if (!granted) sentences.push(domainsRefusedSentence(newDomains));
    // Each the background's sentence: why that domain was not added.
    sentences.push(...notAdded);
    if (pace && !pace.ok) sentences.push(`The pace was not changed: ${pace.message}`);
    close({ tone: sentences.length > 1 ? 'error' : 'ok', text: sentences.join(' ') });
  }

  return (
    <section id="team-settings" aria-labelledby="team-settings-heading">
      <h2 id="team-settings-heading" tabIndex={-1}>
        Team settings
      </h2>
      <SectionIntro line="Share your settings with your team as one file; it never holds your API key." about="About team settings">
        Share your presets, message templates, default copy format, and an account’s dashboard domains and requests per second with your
        team as one file. The file never holds your API key or your link history. Importing one shows what it would add and replace first;
        it never deletes anything.
      </SectionIntro>
      {all.length > 1 && account ? (
        <div class="field">
          <label for="team-settings-account">Account</label>
          <select
            id="team-settings-account"
            value={account.id}
            aria-describedby="team-settings-account-hint"
            disabled={busy}
            onChange={(event) => setPickedId(event.currentTarget.value)}
          >
            {all.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {accountName(candidate)}
              </option>
            ))}
          </select>
          <span id="team-settings-account-hint" class="field-note">
            Export takes this account’s dashboard domains and requests per second; import gives the file’s to it, and ties the file’s
            presets for affiliates to it where the file does not say their network.
          </span>
        </div>
      ) : (
        <p class="hint">
          {account
            ? `The dashboard domains and requests per second are those of ${accountName(account)}.`
            : 'No Everflow account is saved yet, so the file carries no dashboard domains or requests per second.'}
        </p>
      )}
      <div class="actions">
        <button type="button" onClick={() => void exportSettings()}>
          Export settings
        </button>
      </div>
      <div class="field import-file">
        <label for="import-settings">Import settings…</label>
        <input
          ref={fileInput}
          id="import-settings"
          type="file"
          accept=".json,application/json"
          aria-invalid={fileError ? 'true' : undefined}
          aria-describedby={fileError ? 'import-settings-error' : importAllowed ? undefined : 'import-settings-off'}
          disabled={busy || !importAllowed}
          onChange={(event) => void choose(event)}
        />
        {fileError ? (
          <span id="import-settings-error" class="field-error" role="alert">
            {fileError}
          </span>
        ) : null}
        {policy && !importAllowed ? (
          <span id="import-settings-off" class="set-by">
            {importOff(policy)}
          </span>
        ) : null}
      </div>
      {chosen && plan ? (
        <section class="import-preview" aria-labelledby="import-preview-heading">
          <h3 id="import-preview-heading" ref={previewHeading} tabIndex={-1}>
            Import from {chosen.name}
          </h3>
          {plan.ok ? (
            <>
              <PlanList id="plan-added" title="Will be added" items={plan.lines.added} {...ticks} />
              <PlanList id="plan-replaced" title="Will replace" items={plan.lines.replaced} {...ticks} />
              <PlanList id="plan-unchanged" title="Left as they are" items={plan.lines.unchanged} {...ticks} />
              <p>
                {!plan.changes && plan.offeredDomains.length > 0
                  ? 'Nothing else in the file is new here; tick a dashboard domain to add it.'
                  : !plan.changes
                    ? 'This browser already has everything in the file.'
                    : plan.settings.newDomains.length > 0
                      ? 'Nothing changes until you press Import; your browser then asks to allow access to the dashboard domains you ticked.'
                      : plan.offeredDomains.length > 0
                        ? 'Nothing changes until you press Import; tick a dashboard domain to add it too.'
                        : 'Nothing changes until you press Import.'}
              </p>
            </>
          ) : (
            <p class="failure">{plan.message}</p>
          )}
          <div class="actions">
            {plan.ok && plan.changes ? (
              <button type="button" class="primary" disabled={busy} onClick={() => void confirm()}>
                Import
              </button>
            ) : null}
            <button type="button" disabled={busy} onClick={() => close(null)}>
              Cancel
            </button>
          </div>
        </section>
      ) : null}
      <SectionNotice id="team-settings-notice" notice={notice} />
    </section>
  );
}
