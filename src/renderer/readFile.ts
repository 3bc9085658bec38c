/** A picked or dropped file as the `fileBytes` field expects it: its name and its bytes in base64. */
export function readFileBytes(file: File): Promise<{ fileName: string; base64: string }> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      // A data: URL is the browser's own base64 encoder, and far faster than btoa over a byte string.
      const url = String(reader.result);
      resolve({ fileName: file.name.slice(0, 255), base64: url.slice(url.indexOf(',') + 1) });
    };
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
}
