/** A worker thread of parse-pool.ts: parses the feeds it is sent and answers with the result or the parse error. */
import { parentPort } from 'node:worker_threads';
import { FeedParseError, parseFeed } from './parse.js';

parentPort!.on('message', ({ id, text }: { id: number; text: string }) => {
  try {
    parentPort!.postMessage({ id, feed: parseFeed(text) });
  } catch (error) {
    parentPort!.postMessage({
      id,
      error: { feed: error instanceof FeedParseError, message: error instanceof Error ? error.message : String(error) },
    });
  }
});
