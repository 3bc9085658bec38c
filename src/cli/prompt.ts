/**
 * Reads a secret from the terminal without echoing it. Returns undefined when stdin is not a
 * terminal, so commands can tell the user to set ZONEWALK_PASSPHRASE instead of hanging.
 */
export function terminalSecretPrompt(): ((question: string) => Promise<string>) | undefined {
  const stdin = process.stdin;
  if (!stdin.isTTY) return undefined;
  return (question) =>
    new Promise((resolve, reject) => {
      process.stderr.write(question);
      let secret = '';
      stdin.setRawMode(true);
      stdin.resume();
      stdin.setEncoding('utf8');
      const done = (err?: Error) => {
        stdin.setRawMode(false);
        stdin.pause();
        stdin.off('data', onData);
        process.stderr.write('\n');
        if (err) reject(err);
        else resolve(secret);
      };
      const onData = (chunk: string) => {
        for (const ch of chunk) {
          if (ch === '\r' || ch === '\n' || ch === '\u0004') return done();
          if (ch === '\u0003') return done(new Error('cancelled'));
          if (ch === '\u007f' || ch === '\b') secret = secret.slice(0, -1);
          else if (ch >= ' ') secret += ch;
        }
      };
      stdin.on('data', onData);
    });
}
