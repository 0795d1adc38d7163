import { jest } from '@jest/globals';

/** What downloadFile saved in jsdom (which has no object URLs): each file's name, type and bytes. */
export interface SavedFile {
  fileName: string;
  type: string;
  size: number;
}

/**
 * Catches the browser downloads of a test: URL.createObjectURL and the link's click are replaced,
 * each saved file recorded. Call `restore()` after.
 */
export function catchDownloads() {
  const saved: SavedFile[] = [];
  const blobs = new Map<string, Blob>();
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = () => undefined;
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob) saved.push({ fileName: this.download, type: blob.type, size: blob.size });
  });
  return {
    saved,
    restore() {
      URL.createObjectURL = original.create;
      URL.revokeObjectURL = original.revoke;
      click.mockRestore();
    },
  };
}
