/** Threads' canonical profile URLs: https://www.threads.net/@name (threads.com folded). */
import { atName, type CanonicalRule } from '../kit/canonical.js';

export const canonical: CanonicalRule = {
  hosts: /^threads\.(net|com)$/,
  host: 'www.threads.net',
  profile: (segments) => atName(segments),
};
