/** Facebook's canonical profile URLs: /name, /pages/…/ID (kept percent-encoded), /profile.php?id=N. */
import { type CanonicalRule, HANDLE } from '../kit/canonical.js';

const RESERVED =
  /^(sharer|sharer\.php|share|share\.php|dialog|plugins|login|login\.php|help|policies|privacy|groups|events|watch|hashtag|photo|photo\.php|story\.php|permalink\.php|marketplace|gaming|business|ads)$/i;

export const canonical: CanonicalRule = {
  hosts: /^(facebook|fb)\.com$/,
  host: 'www.facebook.com',
  profile: (segments, url) => {
    const [first = ''] = segments;
    if (RESERVED.test(first)) return null;
    if (first === 'profile.php') {
      const id = url.searchParams.get('id');
      return id && /^\d+$/.test(id) ? { path: `/profile.php?id=${id}`, handle: id } : null;
    }
    const name = first === 'pages' ? (segments.at(-1) ?? '') : segments.length === 1 ? first : '';
    if (!HANDLE.test(name)) return null;
    return {
      path: first === 'pages' ? `/${segments.map(encodeURIComponent).join('/')}` : `/${name.toLowerCase()}`,
      handle: name.toLowerCase(),
    };
  },
};
