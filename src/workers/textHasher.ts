import { sha256Hex } from './importHash';

export interface HashRequest {
  id: number;
  texts: string[];
}

export interface HashReply {
  id: number;
  hashes: string[];
}

/**
 * The content hashes of texts, computed in a helper worker where workers can start workers (the
 * browser), else here. A helper that fails is dropped and the texts are hashed here: the hashes
 * are the same either way.
 */
let helper: Worker | null | undefined;
let nextId = 0;
const waiting = new Map<number, { texts: string[]; resolve: (hashes: string[]) => void }>();

function startHelper(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    const worker = new Worker(new URL('./hash.worker.ts', import.meta.url), { type: 'module', name: 'spanwright-hash' });
    worker.addEventListener('message', (event: MessageEvent<HashReply>) => {
      const request = waiting.get(event.data.id);
      waiting.delete(event.data.id);
      request?.resolve(event.data.hashes);
    });
    worker.addEventListener('error', () => {
      worker.terminate();
      helper = null;
      for (const { texts, resolve } of waiting.values()) resolve(texts.map(sha256Hex));
      waiting.clear();
    });
    return worker;
  } catch {
    return null;
  }
}

export function hashTexts(texts: string[]): Promise<string[]> {
  if (helper === undefined) helper = startHelper();
  if (helper === null || texts.length === 0) return Promise.resolve(texts.map(sha256Hex));
  const id = nextId++;
  const worker = helper;
  return new Promise((resolve) => {
    waiting.set(id, { texts, resolve });
    const request: HashRequest = { id, texts };
    worker.postMessage(request);
  });
}
