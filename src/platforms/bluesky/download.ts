/** The owner's Bluesky repository (`.car`), as an owner-download reader: every record of its own. */
import { plural } from '../../model/index.js';
import type { OwnerDownload } from '../../sources/downloads/types.js';
import { readBlueskyRepo } from './repo.js';

export const read: OwnerDownload = async (place) => {
  const { did, posts } = await readBlueskyRepo(place.path);
  return {
    posts,
    facts: { displayName: null, handle: did, createdAt: null },
    note: `the owner's Bluesky repository (${place.shown.split('/').pop()}): ${plural(posts.length, 'record')} of its own`,
  };
};
