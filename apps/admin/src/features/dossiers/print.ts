import type { ApolloClient } from '@apollo/client';
import { DossierDocumentDocument, type DossierForm } from '../../graphql/generated';
import { downloadFile } from '../../download';

/**
 * Fetches one of the dossier's legal forms (PDF, made by the API) and opens it in a new tab to print;
 * where the browser blocks the tab, it is downloaded instead (as exports are, src/download.ts).
 */
export async function printDossierForm(client: ApolloClient, id: string, form: DossierForm): Promise<void> {
  // A tab opened before the request keeps the click's permission to open it.
  const tab = typeof window.open === 'function' ? window.open('', '_blank') : null;
  try {
    const { data } = await client.query({ query: DossierDocumentDocument, variables: { id, form }, fetchPolicy: 'network-only' });
    const file = data?.dossierDocument;
    if (!file) throw new Error('no document');
    if (tab) {
      const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
      tab.location.href = url;
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } else {
      downloadFile(file);
    }
  } catch (error) {
    tab?.close();
    throw error;
  }
}
