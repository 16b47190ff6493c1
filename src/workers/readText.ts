import { describeProblem, problem, type Problem } from '../formats/problems';
import { createDecoder, sniffEncoding, type TextEncodingName } from '../formats/encoding';
import { LineSplitter } from '../formats/lines';

const HEAD_BYTES = 64 * 1024;

/** A file that cannot be read as text: why, as a Problem the app words in its language. */
export class FileReadError extends Error {
  constructor(readonly problem: Problem) {
    super(describeProblem(problem));
  }
}

export interface Line {
  text: string;
  number: number;
}

/** An open file: its encoding, its first decoded text (for detection), and its lines as a stream. */
export interface TextSource {
  encoding: TextEncodingName;
  head: string;
  /** The lines, as each chunk read completes them: one asynchronous step per chunk, not per line. */
  lineChunks(onBytes?: (bytesRead: number) => void): AsyncGenerator<Line[]>;
}

async function readHead(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<{ chunks: Uint8Array[]; done: boolean }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < HEAD_BYTES) {
    const { value, done } = await reader.read();
    if (done) return { chunks, done: true };
    chunks.push(value);
    size += value.byteLength;
  }
  return { chunks, done: false };
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const result = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    result.set(chunk, at);
    at += chunk.byteLength;
  }
  return result;
}

/**
 * Opens a file as a stream of decoded lines, never holding the whole file as one string.
 * The encoding is sniffed from the first 64 KB unless `override` names one; bytes that turn out
 * invalid later in the file raise a FileReadError naming the file.
 */
export async function openText(file: File, override?: TextEncodingName): Promise<TextSource> {
  const reader = file.stream().getReader();
  const head = await readHead(reader);
  const headBytes = concat(head.chunks);
  let encoding: TextEncodingName;
  if (override) {
    encoding = override;
  } else {
    const sniffed = sniffEncoding(headBytes, head.done);
    if ('error' in sniffed) {
      await reader.cancel();
      throw new FileReadError(problem('fileNotText', { file: file.name }));
    }
    encoding = sniffed.encoding;
  }
  const headText = createDecoder(encoding).decode(headBytes, { stream: true });

  async function* lineChunks(onBytes?: (bytesRead: number) => void): AsyncGenerator<Line[]> {
    const decoder = createDecoder(encoding);
    const splitter = new LineSplitter();
    let bytesRead = 0;
    const decode = (bytes: Uint8Array, stream: boolean): string => {
      try {
        return decoder.decode(bytes, { stream });
      } catch {
        throw new FileReadError(problem('fileInvalidBytes', { file: file.name, offset: bytesRead, encoding }));
      }
    };
    try {
      for (const chunk of head.chunks) {
        bytesRead += chunk.byteLength;
        yield splitter.push(decode(chunk, true));
      }
      onBytes?.(bytesRead);
      if (!head.done) {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          bytesRead += value.byteLength;
          yield splitter.push(decode(value, true));
          onBytes?.(bytesRead);
        }
      }
      yield [...splitter.push(decode(new Uint8Array(0), false)), ...splitter.finish()];
    } finally {
      reader.releaseLock();
    }
  }

  return { encoding, head: headText, lineChunks };
}
