import type { Services } from '../services';
import type { HandlerImpls } from './types';

type SigningChannels =
  | 'keys.list'
  | 'keys.create'
  | 'keys.exportPublic'
  | 'keys.exportPrivate'
  | 'keys.import'
  | 'keys.delete'
  | 'trust.list'
  | 'trust.add'
  | 'trust.remove';

export function signingHandlers({ signing }: Services): HandlerImpls<SigningChannels> {
  return {
    'keys.list': () => signing.list(),
    'keys.create': ({ name, passphrase }) => signing.create(name, passphrase),
    'keys.exportPublic': ({ name, ...to }) => signing.exportPublic(name, to),
    'keys.exportPrivate': ({ name, ...to }) => signing.exportPrivate(name, to),
    'keys.import': ({ name, privatePem, passphrase, publicPem }) =>
      signing.importPrivate(name, privatePem, passphrase, publicPem),
    'keys.delete': ({ name }) => signing.delete(name),
    'trust.list': () => signing.trustList(),
    'trust.add': ({ name, pem }) => signing.trustAdd(name, pem),
    'trust.remove': ({ fingerprint }) => signing.trustRemove(fingerprint),
  };
}
