/** The adapter that reads a profile: its platform's, from the registry, loaded on first use. */
import type { ProfileSpec } from '../model/index.js';
import { platformDefinition } from './index.js';
import type { PlatformAdapter } from './types.js';
import { platformOf } from './urls.js';

export async function adapterFor(profile: ProfileSpec): Promise<PlatformAdapter | null> {
  const id = platformOf(profile);
  return id ? platformDefinition(id).adapter() : null;
}

export type { PlatformAdapter };
