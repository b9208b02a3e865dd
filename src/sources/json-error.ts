/**
 * A JSON.parse error in words that quote none of the input: V8 writes the first characters of what
 * it failed to parse into the message (`Unexpected token 'A', "AAAAAAAAAA"... is not valid JSON`), and a
 * server that answers with its echo of a token would get ten characters of it into the report, where
 * no scrubbing by value can find a part of a token. The position, which quotes nothing, is kept.
 */
export function jsonErrorText(message: string): string {
  return message
    .replace(/^Unexpected token .*?, ".*" is not valid JSON$/s, 'unexpected character: not valid JSON')
    .replace(/^Unexpected token .*?, ".*"\.\.\. is not valid JSON$/s, 'unexpected character: not valid JSON')
    .replace(/^".*"(?:\.\.\.)? is not valid JSON$/s, 'not valid JSON')
    .replace(/^Unexpected token .* in JSON at position (\d+)/s, 'unexpected character in JSON at position $1');
}
