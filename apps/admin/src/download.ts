/** A file the API made (e.g. an .xlsx export), as the `ExportedFile` type carries it. */
export interface ExportedFileLike {
  fileName: string;
  contentType: string;
  contentBase64: string;
}

/** Saves a base64 file from the API through the browser's download. */
export function downloadFile(file: ExportedFileLike): void {
  const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
