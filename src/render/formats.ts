/** The names of the report formats, without loading any renderer (the CLI's help and option parsing need only these). */
export const FORMAT_NAMES = ['table', 'json', 'ndjson', 'markdown', 'csv', 'html', 'junit'] as const;
export type Format = (typeof FORMAT_NAMES)[number];
