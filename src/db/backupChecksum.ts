/**
 * CRC-32 of each block of a backup's dump, kept in its header, so a restore finds a damaged byte
 * anywhere (inside a text too, where the JSON would still parse) and says which block holds it.
 * Not a defence against someone forging a file, only against disks and downloads.
 */

/** Bytes per checksummed block. */
export const BLOCK_BYTES = 1024 * 1024;

const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = (TABLE[(crc ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The CRC-32 of each `BLOCK_BYTES` block of `blob`, as 8 hex digits, read one block at a time. */
export async function blockChecksums(blob: Blob, onBlock?: (done: number, total: number) => void): Promise<string[]> {
  const sums: string[] = [];
  const total = Math.ceil(blob.size / BLOCK_BYTES);
  for (let at = 0; at < blob.size; at += BLOCK_BYTES) {
    const bytes = new Uint8Array(await blob.slice(at, at + BLOCK_BYTES).arrayBuffer());
    sums.push(crc32(bytes).toString(16).padStart(8, '0'));
    onBlock?.(sums.length, total);
  }
  return sums;
}
