import { useState } from 'react';
import { keyFileName } from '../../core/keyFileName';
import { FILE_FILTERS } from '../../shared/contract/desktop';
import type { SigningKeyInfo, TrustedKeyInfo } from '../../shared/contract/signing';
import { call, errorMessage } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorBanner } from '../components/ErrorBanner';
import { Fingerprint } from '../components/Fingerprint';
import { FormDialog } from '../components/FormDialog';
import { formatDateTime } from '../components/format';
import { PageHeader } from '../components/PageHeader';
import { TableHead } from '../components/TableHead';
import { canPick, pickPath, useDesktop } from '../desktop';
import { readTextFile } from '../readFile';
import { useAsync } from '../useAsync';

type Open =
  | { kind: 'create' }
  | { kind: 'import' }
  | { kind: 'trust' }
  | { kind: 'delete'; key: SigningKeyInfo }
  | { kind: 'untrust'; key: TrustedKeyInfo };

/** Signing identities (Ed25519) and the trust list of other auditors' public keys. */
export function KeysScreen() {
  const keys = useAsync(() => call('keys.list', {}), []);
  const trusted = useAsync(() => call('trust.list', {}), []);
  const [open, setOpen] = useState<Open>();
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<string>();
  const done = (message?: string) => {
    setOpen(undefined);
    setNotice(message);
    keys.reload();
    trusted.reload();
  };
  // With the desktop app's save dialog the auditor chooses the file; otherwise it goes to the exports folder.
  const saveDialog = canPick(useDesktop(), 'save');
  const exportKey = async (key: SigningKeyInfo, which: 'public' | 'private') => {
    try {
      let file: string | undefined;
      if (saveDialog) {
        const chosen = await pickPath({
          kind: 'save',
          title: which === 'public' ? 'Save the public key' : 'Save the encrypted private key',
          defaultName: keyFileName(key.name, which),
          filters: [FILE_FILTERS.pem],
        });
        if (!chosen) return;
        file = chosen;
      }
      const written = await call(which === 'public' ? 'keys.exportPublic' : 'keys.exportPrivate', {
        name: key.name,
        file,
      });
      setNotice(
        which === 'public'
          ? `Public key of ${key.name} saved to ${written.path}. Give it to whoever verifies your packages.`
          : `Encrypted private key of ${key.name} saved to ${written.path}. It opens only with its passphrase.`,
      );
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <div className="home">
      <PageHeader title="Signing keys" />
      <main className="home-main">
        <ErrorBanner message={keys.error ?? trusted.error ?? error} onDismiss={() => setError(undefined)} />
        {notice && (
          <p className="ok-line" role="status">
            {notice}
          </p>
        )}
        <section className="panel" aria-labelledby="own-keys">
          <div className="panel-head">
            <h2 id="own-keys">Your signing keys</h2>
            <div className="toolbar">
              <button type="button" className="btn" onClick={() => setOpen({ kind: 'import' })}>
                Import key
              </button>
              <button type="button" className="btn primary" onClick={() => setOpen({ kind: 'create' })}>
                Create key
              </button>
            </div>
          </div>
          <p className="muted">
            Packages you export are signed with one of these keys. The private key is stored only encrypted
            under its passphrase; Zonewalk never keeps the passphrase.
          </p>
          {keys.data?.length === 0 && (
            <div className="empty-state">
              <p>No signing key yet.</p>
              <p className="muted">Create one to sign audit packages.</p>
            </div>
          )}
          {!!keys.data?.length && (
            <table className="table" aria-label="Your signing keys">
              <TableHead columns={['Name', 'Fingerprint', 'Created', { hidden: 'Actions' }]} />
              <tbody>
                {keys.data.map((k) => (
                  <tr key={k.fingerprint} data-testid="key-row">
                    <td>
                      {k.name}
                      <div className="muted small">{k.protection}</div>
                    </td>
                    <td>
                      <Fingerprint value={k.fingerprint} />
                    </td>
                    <td>{formatDateTime(k.createdAt)}</td>
                    <td className="row-actions">
                      <button type="button" className="btn small" onClick={() => void exportKey(k, 'public')}>
                        Export public key{saveDialog && '…'}
                      </button>
                      <button
                        type="button"
                        className="btn small"
                        onClick={() => void exportKey(k, 'private')}
                      >
                        Export private key{saveDialog && '…'}
                      </button>
                      <button
                        type="button"
                        className="btn small danger"
                        onClick={() => setOpen({ kind: 'delete', key: k })}
                      >
                        Delete
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section className="panel" aria-labelledby="trust-list">
          <div className="panel-head">
            <h2 id="trust-list">Trusted auditors</h2>
            <button type="button" className="btn" onClick={() => setOpen({ kind: 'trust' })}>
              Add trusted key
            </button>
          </div>
          <p className="muted">
            A package signed by one of these keys verifies as trusted. Add a key only after comparing its
            fingerprint with its owner, by phone or in person.
          </p>
          {!!trusted.data?.length && (
            <table className="table" aria-label="Trusted auditors">
              <TableHead columns={['Name', 'Fingerprint', 'Added', { hidden: 'Actions' }]} />
              <tbody>
                {trusted.data.map((k) => (
                  <tr key={k.fingerprint} data-testid="trusted-row">
                    <td>{k.name}</td>
                    <td>
                      <Fingerprint value={k.fingerprint} />
                    </td>
                    <td>{formatDateTime(k.addedAt)}</td>
                    <td className="row-actions">
                      <button
                        type="button"
                        className="btn small danger"
                        onClick={() => setOpen({ kind: 'untrust', key: k })}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {trusted.data?.length === 0 && <p className="muted">No trusted keys yet.</p>}
        </section>
      </main>
      {open?.kind === 'create' && <CreateKeyDialog onClose={() => setOpen(undefined)} onDone={done} />}
      {open?.kind === 'import' && <ImportKeyDialog onClose={() => setOpen(undefined)} onDone={done} />}
      {open?.kind === 'trust' && <TrustDialog onClose={() => setOpen(undefined)} onDone={done} />}
      {open?.kind === 'delete' && (
        <ConfirmDialog
          title="Delete signing key?"
          confirmLabel="Delete key"
          onClose={() => setOpen(undefined)}
          failure="The key could not be deleted"
          onConfirm={() =>
            call('keys.delete', { name: open.key.name }).then(() => done(`Deleted ${open.key.name}.`))
          }
        >
          <p>
            <strong>{open.key.name}</strong> (<Fingerprint value={open.key.fingerprint} />) will be deleted
            from this workspace. Packages it signed stay verifiable with its public key. Export the private
            key first if you may need to sign with it again. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
      {open?.kind === 'untrust' && (
        <ConfirmDialog
          title="Remove trusted key?"
          confirmLabel="Remove"
          onClose={() => setOpen(undefined)}
          failure="The key could not be removed from the trusted keys"
          onConfirm={() =>
            call('trust.remove', { fingerprint: open.key.fingerprint }).then(() =>
              done(`${open.key.name} is no longer trusted.`),
            )
          }
        >
          <p>
            Packages signed by <strong>{open.key.name}</strong> will verify as signed by an unknown key.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function CreateKeyDialog({ onClose, onDone }: { onClose: () => void; onDone: (m: string) => void }) {
  const [name, setName] = useState('');
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const problem =
    pass.length > 0 && pass.length < 8
      ? 'Use a passphrase of at least 8 characters.'
      : again.length > 0 && again !== pass
        ? 'The two passphrases differ.'
        : undefined;
  return (
    <FormDialog
      title="Create signing key"
      submitLabel="Create key"
      busyLabel="Creating…"
      ready={Boolean(name.trim()) && pass.length >= 8 && pass === again}
      problem={problem}
      dirty={Boolean(name || pass || again)}
      onClose={onClose}
      failure="The key could not be created"
      onSubmit={async () => {
        const k = await call('keys.create', { name, passphrase: pass });
        onDone(`Created ${k.name}: ${k.fingerprint}`);
      }}
    >
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required />
      </label>
      <label>
        Passphrase
        <input
          type="password"
          value={pass}
          onChange={(e) => setPass(e.target.value)}
          autoComplete="new-password"
        />
      </label>
      <label>
        Repeat passphrase
        <input
          type="password"
          value={again}
          onChange={(e) => setAgain(e.target.value)}
          autoComplete="new-password"
        />
      </label>
      <p className="muted small">
        Nobody can recover a forgotten passphrase: without it the key cannot sign again.
      </p>
    </FormDialog>
  );
}

function PemInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const [error, setError] = useState<string>();
  return (
    <>
      <label>
        {label}
        <input
          type="file"
          accept=".pem,.key,.pub,text/plain"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) readTextFile(f).then(onChange, (err) => setError(errorMessage(err)));
          }}
        />
      </label>
      <label>
        or paste it
        <textarea
          rows={4}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          spellCheck={false}
          className="mono"
        />
      </label>
      <ErrorBanner message={error} />
    </>
  );
}

function ImportKeyDialog({ onClose, onDone }: { onClose: () => void; onDone: (m: string) => void }) {
  const [name, setName] = useState('');
  const [pem, setPem] = useState('');
  const [pass, setPass] = useState('');
  return (
    <FormDialog
      title="Import signing key"
      submitLabel="Import key"
      busyLabel="Importing…"
      ready={Boolean(name.trim() && pem.trim() && pass)}
      dirty={Boolean(name || pem || pass)}
      onClose={onClose}
      failure="The key could not be imported"
      onSubmit={async () => {
        const k = await call('keys.import', { name, privatePem: pem, passphrase: pass });
        onDone(`Imported ${k.name}: ${k.fingerprint}`);
      }}
    >
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
      </label>
      <PemInput label="Encrypted private key (PEM)" value={pem} onChange={setPem} />
      <label>
        Its passphrase
        <input type="password" value={pass} onChange={(e) => setPass(e.target.value)} autoComplete="off" />
      </label>
    </FormDialog>
  );
}

function TrustDialog({ onClose, onDone }: { onClose: () => void; onDone: (m: string) => void }) {
  const [name, setName] = useState('');
  const [pem, setPem] = useState('');
  return (
    <FormDialog
      title="Add trusted key"
      submitLabel="Trust key"
      ready={Boolean(name.trim() && pem.trim())}
      dirty={Boolean(name || pem)}
      onClose={onClose}
      failure="The key could not be trusted"
      onSubmit={async () => {
        const k = await call('trust.add', { name, pem });
        onDone(`${k.name} is trusted: ${k.fingerprint}`);
      }}
    >
      <label>
        Auditor's name
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
      </label>
      <PemInput label="Public key (PEM)" value={pem} onChange={setPem} />
    </FormDialog>
  );
}
