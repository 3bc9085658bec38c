/** A signer's fingerprint, in full: people compare it out of band, character by character. */
export function Fingerprint({ value }: { value: string }) {
  return (
    <code className="fingerprint" title="SHA-256 of the signer's public key">
      {value}
    </code>
  );
}
