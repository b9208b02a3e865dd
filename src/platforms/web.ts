/**
 * Any other web page (a microsite, a press page, a landing page): its feed if it announces one, else the
 * dates it shows. The catch-all adapter: detection order puts it last.
 */
import type { FetchOutcome, ProfileSpec } from '../model/index.js';
import { fromError } from './outcomes.js';
import { TrackedHttp } from './tracked-http.js';
import type { AdapterContext, PlatformAdapter } from './types.js';
import { readPage } from './web/read-page.js';

async function fetchWeb(profile: ProfileSpec, ctx: AdapterContext): Promise<FetchOutcome> {
  const http = new TrackedHttp(ctx.http);
  try {
    return await readPage(profile.url, http, { platform: 'web' });
  } catch (error) {
    return fromError(error, http);
  }
}

export const web: PlatformAdapter = {
  id: 'web',
  detect: (url) => url.protocol === 'http:' || url.protocol === 'https:',
  fetch: fetchWeb,
};
