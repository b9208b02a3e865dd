/** What the identity rules and section need to know about the platforms' account facts. */

/**
 * Platforms whose source shows the bio's text but not its link field: a bio without a link there is no
 * missing link (YouTube's channel links sit in its header, which the Data API does not give).
 */
export const LINK_FIELD_UNSHOWN: ReadonlySet<string> = new Set(['youtube']);
