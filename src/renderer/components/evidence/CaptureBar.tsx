import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { EvidenceKind, EvidenceTarget } from '../../../core/evidenceTargets';
import type { EvidenceBatchLine } from '../../../shared/contract/evidence';
import { call, errorMessage } from '../../api';
import { useDesktop } from '../../desktop';
import { CameraDialog } from './CameraDialog';
import {
  addBlob,
  addWindowFiles,
  fileStamp,
  filesFromDataTransfer,
  pastedFiles,
  summarize,
  type WindowFile,
} from './evidenceClient';
import { NoteDialog } from './NoteDialog';

export interface CaptureBarProps {
  assessmentId: string;
  /** Link every captured item to this answer, finding or asset. */
  target?: EvidenceTarget;
  /** Called after anything was added. */
  onAdded: () => void;
  /** 'document': Ctrl+V anywhere outside text fields; 'zone': only while the drop zone has focus. */
  paste?: 'document' | 'zone';
  compact?: boolean;
  children?: ReactNode;
}

function isTextField(el: EventTarget | null): boolean {
  return el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

/** File picker, folder, drop zone, paste, camera and note: every way evidence gets in from the window. */
export function CaptureBar({
  assessmentId,
  target,
  onAdded,
  paste = 'zone',
  compact,
  children,
}: CaptureBarProps) {
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const [dialog, setDialog] = useState<'camera' | 'note'>();
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState<string>();
  const [result, setResult] = useState<{ summary: string; failures: EvidenceBatchLine[] }>();
  const desktop = useDesktop();

  const run = async (label: string, work: () => Promise<EvidenceBatchLine[]>) => {
    setBusy(label);
    try {
      const lines = await work();
      setResult({
        summary: summarize(lines),
        failures: lines.filter((l) => l.status === 'failed' || l.status === 'skipped'),
      });
      if (lines.some((l) => l.sha256)) onAdded();
    } catch (err) {
      setResult({ summary: errorMessage(err), failures: [] });
    } finally {
      setBusy(undefined);
    }
  };
  const addFiles = (list: WindowFile[], kind?: EvidenceKind) =>
    run(`Adding ${list.length} file${list.length === 1 ? '' : 's'}…`, () =>
      addWindowFiles(list, { assessmentId, target, kind }, (done, total) =>
        setBusy(`Adding ${Math.min(done + 1, total)} of ${total}…`),
      ),
    );
  const single = async (
    work: () => Promise<{ status: EvidenceBatchLine['status']; item: { sha256: string; fileName: string } }>,
  ) =>
    run('Adding…', async () => {
      const { status, item } = await work();
      return [{ name: item.fileName, status, sha256: item.sha256 }];
    });

  const onPaste = (e: ClipboardEvent | React.ClipboardEvent) => {
    const dt = e.clipboardData;
    if (!dt || dt.files.length === 0) return;
    e.preventDefault();
    const list = pastedFiles(dt);
    void addFiles(list, list.every((f) => f.file.type.startsWith('image/')) ? 'screenshot' : 'file');
  };
  const pasteRef = useRef(onPaste);
  pasteRef.current = onPaste;
  useEffect(() => {
    if (paste !== 'document') return;
    const listener = (e: ClipboardEvent) => {
      if (!isTextField(e.target)) pasteRef.current(e);
    };
    document.addEventListener('paste', listener);
    return () => document.removeEventListener('paste', listener);
  }, [paste]);

  return (
    <div className={compact ? 'capture-bar compact' : 'capture-bar'}>
      <div className="toolbar">
        <button type="button" className="btn" onClick={() => setDialog('camera')}>
          Camera
        </button>
        <button type="button" className="btn" onClick={() => files.current?.click()}>
          Files…
        </button>
        {!compact && (
          <button type="button" className="btn" onClick={() => folder.current?.click()}>
            Folder…
          </button>
        )}
        <button type="button" className="btn" onClick={() => setDialog('note')}>
          Note
        </button>
        {!compact && desktop?.pickFiles && desktop.pickFolder && (
          <>
            <button
              type="button"
              className="btn ghost"
              onClick={() =>
                run(
                  'Adding from disk…',
                  async () => (await call('evidence.addPaths', { assessmentId, target })).lines,
                )
              }
            >
              Large files…
            </button>
            <button
              type="button"
              className="btn ghost"
              onClick={() =>
                run(
                  'Adding folder…',
                  async () => (await call('evidence.addFolder', { assessmentId, target })).lines,
                )
              }
            >
              Camera card…
            </button>
          </>
        )}
        {children}
      </div>
      <input
        ref={files}
        type="file"
        multiple
        hidden
        data-testid="evidence-file-input"
        onChange={(e) => {
          const list = [...(e.target.files ?? [])].map((file) => ({ file, name: file.name }));
          e.target.value = '';
          if (list.length) void addFiles(list);
        }}
      />
      <input
        ref={(el) => {
          folder.current = el;
          el?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        multiple
        hidden
        data-testid="evidence-folder-input"
        onChange={(e) => {
          const list = [...(e.target.files ?? [])].map((file) => ({
            file,
            name: file.webkitRelativePath || file.name,
          }));
          e.target.value = '';
          if (list.length) void addFiles(list);
        }}
      />
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop zone also takes paste; the buttons above do the same by keyboard */}
      <div
        className={over ? 'drop-zone over' : 'drop-zone'}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so Ctrl+V can land here
        tabIndex={0}
        data-testid="evidence-drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={async (e) => {
          e.preventDefault();
          setOver(false);
          const list = await filesFromDataTransfer(e.dataTransfer);
          if (list.length) void addFiles(list);
        }}
        onPaste={paste === 'zone' ? onPaste : undefined}
      >
        {busy ??
          (compact ? 'Drop or paste here' : 'Drop files or a folder here · Ctrl+V pastes a screenshot')}
      </div>
      <div aria-live="polite" className="small">
        {result && !busy && (
          <p className={result.failures.length ? 'error-banner' : 'muted'} data-testid="capture-result">
            {result.summary}
            {result.failures.length > 0 && (
              <span className="failure-list">
                {result.failures.slice(0, 20).map((f) => (
                  <span key={f.name}>{f.message}</span>
                ))}
              </span>
            )}
          </p>
        )}
      </div>
      {dialog === 'camera' && (
        <CameraDialog
          onClose={() => setDialog(undefined)}
          onPhoto={async (jpeg) => {
            await single(() =>
              addBlob(jpeg, `photo-${fileStamp()}.jpg`, { assessmentId, target, kind: 'photo' }),
            );
          }}
        />
      )}
      {dialog === 'note' && (
        <NoteDialog
          onClose={() => setDialog(undefined)}
          onSave={async (text, title) => {
            await single(() =>
              call('evidence.addNote', { assessmentId, text, title: title || undefined, target }),
            );
            setDialog(undefined);
          }}
        />
      )}
    </div>
  );
}
