import { useState } from 'react';
import { FormDialog } from '../FormDialog';

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
  return (
    <FormDialog
      title="Add a note"
      submitLabel="Save note"
      ready={Boolean(text.trim())}
      dirty={Boolean(text || title)}
      onClose={onClose}
      failure="The note could not be saved"
      onSubmit={() => onSave(text, title)}
    >
      <label>
        Title (optional)
        <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label>
        Note
        <textarea rows={6} value={text} maxLength={20000} onChange={(e) => setText(e.target.value)} />
      </label>
    </FormDialog>
  );
}
