/**
 * The address the public reaches the product at (OSP_PUBLIC_URL; by default http://localhost:<PORT>):
 * the links printed on documents (the receipt's QR code) start with it. Registered in the container.
 */
export class PublicUrl {
  constructor(readonly base: string) {}

  /** The public tracking page, pre-filled with a dossier's code. */
  tracking(code: string): string {
    return `${this.base}/tra-cuu?ma=${encodeURIComponent(code)}`;
  }
}
