/**
 * The usual file name of an exported signing key: what the service writes into a folder and what the
 * window suggests in the save dialog, so both agree. ASCII only, since the file often travels on a
 * USB stick to another operating system.
 */
export function keyFileName(keyName: string, which: 'public' | 'private'): string {
  const stem =
    keyName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 60) || 'key';
  return `${stem}${which === 'public' ? '.pub.pem' : '.key.pem'}`;
}
