/** How a profile was read through its owner's API, or why the API it has a credential for was not used. */
export interface ApiUse {
  /** The API, e.g. "YouTube Data API v3". */
  service: string;
  /** The environment variable the credential is read from (never its value). */
  credential: string;
  /** False: the public source was read instead, and `notes` say why. */
  used: boolean;
  /** API calls made for this profile. */
  calls: number;
  /** The quota units those calls cost (YouTube counts units per call; for the others a call is a unit). */
  units: number;
  /** What a unit is: "quota unit" (YouTube counts units per call) or "call". */
  unit: 'quota unit' | 'call';
  /** The run's budget of units for this credential; null: none set. */
  budget: number | null;
  /** What the reader should know: why the API was not used, a budget or access tier that cut the read short. */
  notes: string[];
  /**
   * Present only when the API refused the credential (a 401, an expired or revoked token): the API's
   * own reason, and what the credential is and where the owner gets a new one. The public source was read.
   */
  refused?: { reason: string; renew: string };
}
