import { sha256Hex } from './importHash';
import type { HashReply, HashRequest } from './textHasher';

/**
 * Hashes texts for the import worker (which starts it): the content hashes are most of an
 * analysis, and here they run on another core while the import worker parses the next batch.
 */
addEventListener('message', (event: MessageEvent<HashRequest>) => {
  const reply: HashReply = { id: event.data.id, hashes: event.data.texts.map(sha256Hex) };
  postMessage(reply);
});
