// The question an options list asks before deleting one of its entries (a preset, a template).

/** "Delete preset “Newsletter”?" with "Yes, delete" and "Cancel"; `what` names the entry. */
export function ConfirmDelete({ what, onDelete, onCancel }: { what: string; onDelete: () => void; onCancel: () => void }) {
  return (
    <div class="actions" role="group" aria-label="Confirm delete">
      <span>Delete {what}?</span>
      <button type="button" class="danger" onClick={onDelete}>
        Yes, delete
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
