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
  /** Set, but not a value a request header can carry (a line break, a control character): nothing is sent. */
  | { kind: 'invalid'; env: string; why: string }
  /**
   * `secret` is null when replaying: the recorded API answers are read and nothing is sent. `origin`:
   * the one the inventory names for it, null for the platform API's documented origin.
   */
  | { kind: 'ready'; env: string; secret: Secret | null; budget: UnitBudget; origin: string | null };

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
    const value = this.env[ref.env]?.trim();
    const why = value ? unsendable(value) : null;
    if (why) return { kind: 'invalid', env: ref.env, why };
    const secret = this.secret(ref.env);
    if (secret === undefined) return { kind: 'missing', env: ref.env };
    // a profile's own credential has its own budget; a platform's is shared by that platform's profiles
    const key = own ? `profile:${profile.id}` : `platform:${platform}`;
    let budget = this.budgets.get(key);
    if (!budget) {
      budget = new UnitBudget(ref.budget);
      this.budgets.set(key, budget);
    }
    return { kind: 'ready', env: ref.env, secret, budget, origin: ref.origin ?? null };
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

/**
 * Why a value cannot be sent as a request header, or null: a token pasted with its line break (or any
 * control character) would be refused by the HTTP library as a malformed header, which reads as a
 * connection failure and is retried; it is a bad credential, said once, and never sent.
 */
export function unsendable(value: string): string | null {
  const bad = /[\r\n]/.test(value)
    ? 'a line break'
    : /[\u0000-\u001f\u007f]/.test(value)
      ? 'a control character'
      : null;
  return bad && `its value holds ${bad}, which no request header can carry; expected the token alone, on one line`;
}

/** Every credential value the inventory's variables hold: what a run looks for in all it writes and prints. */
export function credentialValues(inventory: Inventory, env: NodeJS.ProcessEnv): string[] {
  const names = new Set([
    ...Object.values(inventory.settings.auth).map((ref) => ref.env),
    ...inventory.profiles.flatMap((p) => (p.auth ? [p.auth.env] : [])),
  ]);
  return [...names].flatMap((name) => {
    const value = env[name]?.trim();
    return value ? [value] : [];
  });
}

export interface CredentialStatus {
  env: string;
  set: boolean;
  /** Why the value set cannot be sent (a line break), or null. */
  problem: string | null;
  users: string[];
  /** Where the token is sent: each origin, with what decides it (the API's documentation, or `origin:`). */
  origins: string[];
}

/** Each variable the inventory names, whether it is set, who uses it and where it is sent (`validate`): never the value. */
export function credentialStatus(
  inventory: Inventory,
  env: NodeJS.ProcessEnv,
  platformOf: (profile: ProfileSpec) => PlatformId | null,
  originOf: (platform: ApiPlatform, ref: AuthRef) => string,
): CredentialStatus[] {
  const users = new Map<string, { users: string[]; origins: Set<string> }>();
  const use = (ref: AuthRef, who: string, platform: ApiPlatform) => {
    const entry = users.get(ref.env) ?? { users: [], origins: new Set<string>() };
    entry.users.push(who);
    entry.origins.add(originOf(platform, ref));
    users.set(ref.env, entry);
  };
  for (const platform of API_PLATFORMS) {
    const ref = inventory.settings.auth[platform];
    if (!ref) continue;
    // a profile read from its owner's export (`archive:`, `posts:`) never calls the API
    const count = inventory.profiles.filter((p) => !p.auth && !p.export && platformOf(p) === platform).length;
    if (count === 0) continue;
    use(ref, `settings.auth.${platform} (${count} ${count === 1 ? 'profile' : 'profiles'})`, platform);
  }
  for (const p of inventory.profiles) {
    const platform = platformOf(p);
    if (p.auth && !p.export && isApiPlatform(platform)) use(p.auth, p.id, platform);
  }
  return [...users].map(([name, entry]) => {
    const value = env[name]?.trim();
    return {
      env: name,
      set: Boolean(value),
      problem: value ? unsendable(value) : null,
      users: entry.users,
      origins: [...entry.origins],
    };
  });
}
