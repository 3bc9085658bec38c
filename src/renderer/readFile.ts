/** The text of a file the user picked, for small files such as PEM keys. */
export function readTextFile(file: File): Promise<string> {
  if (file.size > 20_000) return Promise.reject(new Error(`${file.name} is too large for a key file.`));
  return file.text();
}
