/** What Node prints on stderr for a warning or a deprecation ("(node:1234) ExperimentalWarning: …"). */
export const NODE_WARNING = /\(node:\d+\) \[?\w*(Warning|DEP\d+)/;
