import { useState } from 'react';
import { Dialog } from '../Dialog';

/** A typed note (what an operator said, what was seen), kept as a text file. */
export function NoteDialog({
  onSave,
  onClose,
}: {
  onSave: (text: string, title: string) => Promise<void>;
  onClose: () => void;
}) {
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      title="Add a note"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="btn primary"
            disabled={!text.trim() || busy}
            onClick={async () => {
              setBusy(true);
              try {
                await onSave(text, title);
              } finally {
                setBusy(false);
              }
            }}
          >
            Save note
          </button>
        </>
      }
    >
      <div className="form">
        <label>
          Title (optional)
          <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          Note
          <textarea rows={6} value={text} maxLength={20000} onChange={(e) => setText(e.target.value)} />
        </label>
      </div>
    </Dialog>
  );
}
