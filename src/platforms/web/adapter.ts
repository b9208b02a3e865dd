/**
 * Any other web page (a microsite, a press page, a landing page): its feed if it announces one, else the
 * dates it shows. The catch-all: `urls.ts` tries it last.
 */
import type { PlatformAdapter } from '../types.js';
import { pageFetcher } from './read-page.js';

export const web: PlatformAdapter = {
  id: 'web',
  fetch: pageFetcher('web'),
};
