const encoder = new TextEncoder();

/**
 * SHA-256 of a document's text, hex encoded: the identity that keeps one project from storing the
 * same text twice. Web Crypto is native and fast in browsers, workers and Node alike.
 */
export async function contentHash(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
