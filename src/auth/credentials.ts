/**
 * Credentials at run time: each `auth: {env: NAME}` of the inventory (a profile's own, else its
 * platform's under `settings.auth`) read from the environment once, as a Secret, with the run's
 * budget of calls or quota units it may spend. When replaying recorded evidence no value is needed:
 * the API's recorded answers are read, and nothing is sent.
 */
import {
  API_PLATFORMS,
  type ApiPlatform,
  type AuthRef,
  type Inventory,
  type PlatformId,
  type ProfileSpec,
} from '../model/index.js';
import { Secret } from './secret.js';

/** The calls or quota units one credential may still spend in this run, shared by the profiles that use it. */
export class UnitBudget {
  private spent = 0;
  constructor(readonly limit: number | null) {}
  /** Takes `units` from the budget; false, and nothing taken, when they are not left. */
  take(units: number): boolean {
    if (this.limit !== null && this.spent + units > this.limit) return false;
    this.spent += units;
    return true;
  }
  get used(): number {
    return this.spent;
  }
}

export type CredentialChoice =
  /** No credential is declared for the profile: the public source, without a note. */
  | { kind: 'none' }
  /** Declared, but its variable is not set (or empty): the public source, with a note naming the variable. */
  | { kind: 'missing'; env: string }
  /** `secret` is null when replaying: the recorded API answers are read and nothing is sent. */
  | { kind: 'ready'; env: string; secret: Secret | null; budget: UnitBudget };

export const isApiPlatform = (id: PlatformId | null): id is ApiPlatform =>
  id !== null && (API_PLATFORMS as readonly string[]).includes(id);

export class Credentials {
  private readonly budgets = new Map<string, UnitBudget>();
  private readonly secrets = new Map<string, Secret>();

  constructor(
    private readonly auth: Inventory['settings']['auth'],
    private readonly env: NodeJS.ProcessEnv,
    private readonly replaying: boolean,
  ) {}

  /** The credential a profile of this platform is read with, or why there is none. */
  for(profile: ProfileSpec, platform: PlatformId | null): CredentialChoice {
    if (!isApiPlatform(platform)) return { kind: 'none' };
    const own = profile.auth ?? null;
    const ref: AuthRef | undefined = own ?? this.auth[platform];
    if (!ref) return { kind: 'none' };
    const secret = this.secret(ref.env);
    if (secret === undefined) return { kind: 'missing', env: ref.env };
    // a profile's own credential has its own budget; a platform's is shared by that platform's profiles
    const key = own ? `profile:${profile.id}` : `platform:${platform}`;
    let budget = this.budgets.get(key);
    if (!budget) {
      budget = new UnitBudget(ref.budget);
      this.budgets.set(key, budget);
    }
    return { kind: 'ready', env: ref.env, secret, budget };
  }

  /** The variable's value (one Secret per variable), null when replaying without it, undefined when it is not set. */
  private secret(name: string): Secret | null | undefined {
    const value = this.env[name]?.trim();
    if (!value) return this.replaying ? null : undefined;
    let secret = this.secrets.get(name);
    if (!secret) {
      secret = new Secret(value);
      this.secrets.set(name, secret);
    }
    return secret;
  }
}

/** Each variable the inventory names, whether it is set, and who uses it (`validate`): never the value. */
export function credentialStatus(
  inventory: Inventory,
  env: NodeJS.ProcessEnv,
  platformOf: (profile: ProfileSpec) => PlatformId | null,
): Array<{ env: string; set: boolean; users: string[] }> {
  const users = new Map<string, string[]>();
  const use = (name: string, who: string) => users.set(name, [...(users.get(name) ?? []), who]);
  for (const platform of API_PLATFORMS) {
    const ref = inventory.settings.auth[platform];
    if (!ref) continue;
    const count = inventory.profiles.filter((p) => !p.auth && platformOf(p) === platform).length;
    use(ref.env, `settings.auth.${platform} (${count} ${count === 1 ? 'profile' : 'profiles'})`);
  }
  for (const p of inventory.profiles) if (p.auth) use(p.auth.env, p.id);
  return [...users].map(([name, who]) => ({ env: name, set: Boolean(env[name]?.trim()), users: who }));
}
