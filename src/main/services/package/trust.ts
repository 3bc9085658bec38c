import { fingerprintOf, parsePublicKeyPem } from '../signing/keys';
import type { SignerTrust, SigningService } from '../signing/signingService';

export interface GivenKey {
  /** Shown as the signer's name, e.g. the PEM file's name. */
  name: string;
  pem: string;
}

/** Trust from the workspace (own keys, trust list) and from keys given for this one check. */
export function trustResolver(
  signing: SigningService | undefined,
  given: readonly GivenKey[] = [],
): (fingerprint: string) => SignerTrust {
  const extra = new Map(given.map((k) => [fingerprintOf(parsePublicKeyPem(k.pem, k.name)), k.name] as const));
  return (fingerprint) => {
    const known = signing?.trustOf(fingerprint);
    if (known?.trusted) return known;
    const name = extra.get(fingerprint);
    return name ? { trusted: true, name, source: 'given' } : { trusted: false };
  };
}
