/** The window's largest file for a handler: fileBytes in the contract allows 64 MiB. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** A picked file as the contract's fileBytes ({ fileName, base64 }). */
export function readFileBase64(file: File): Promise<{ fileName: string; base64: string }> {
  if (file.size > MAX_FILE_BYTES) {
    return Promise.reject(new Error(`${file.name} is larger than 64 MB: split it into smaller files.`));
  }
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ fileName: file.name, base64: url.slice(url.indexOf(',') + 1) });
    };
    reader.onerror = () => reject(new Error(`${file.name} could not be read: choose it again.`));
    reader.readAsDataURL(file);
  });
}
