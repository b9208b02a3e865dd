/** A worker thread of parse-pool.ts: parses the feeds it is sent. */
import { serveTasks } from '../../workers/serve.js';
import { parseFeed } from './parse.js';

serveTasks((text: string) => parseFeed(text));
