/** Bytes → text: decompression with a size cap, and charsets from BOMs, headers and XML/HTML declarations. */
import { brotliDecompressSync, gunzipSync, inflateSync, inflateRawSync } from 'node:zlib';

export function decompress(body: Buffer, encoding: string | undefined, maxBytes: number): Buffer {
  const enc = (encoding ?? '').trim().toLowerCase();
  if (!enc || enc === 'identity') return body;
  const options = { maxOutputLength: maxBytes };
  if (enc === 'gzip' || enc === 'x-gzip') return gunzipSync(body, options);
  if (enc === 'br') return brotliDecompressSync(body, options);
  if (enc === 'deflate') {
    try {
      return inflateSync(body, options);
    } catch {
      return inflateRawSync(body, options); // some servers send raw deflate
    }
  }
  throw new Error(`unsupported content-encoding "${enc}"`);
}

const LABEL_ALIASES: Record<string, string> = { latin1: 'iso-8859-1', 'iso_8859-1': 'iso-8859-1' };

function normaliseLabel(label: string): string | null {
  const l = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  const name = LABEL_ALIASES[l] ?? l;
  try {
    new TextDecoder(name);
    return name;
  } catch {
    return null;
  }
}

/** The charset a body declares, in order of authority: BOM, Content-Type header, in-document declaration. */
export function detectCharset(body: Buffer, contentType: string | undefined): string | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  const fromHeader = /charset\s*=\s*([^;\s]+)/i.exec(contentType ?? '')?.[1];
  if (fromHeader) {
    const name = normaliseLabel(fromHeader);
    if (name) return name;
  }
  const head = body.subarray(0, 1024).toString('latin1');
  const declared =
    /<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([^"'\s/>;]+)/i.exec(head)?.[1];
  return declared ? normaliseLabel(declared) : null;
}

/**
 * Decode a body. Undeclared bytes that are not valid UTF-8 are read as windows-1252, the
 * de-facto default of old feeds (a Latin-1 feed without a declaration is common).
 */
export function decodeText(body: Buffer, contentType?: string): string {
  const declared = detectCharset(body, contentType);
  if (declared) {
    // utf-16 declared in an 8-bit document without a BOM is a lie; the bytes decide
    const name = declared.startsWith('utf-16') && !(body[0] === 0xff || body[0] === 0xfe) ? 'utf-8' : declared;
    return stripBom(new TextDecoder(name).decode(body));
  }
  try {
    return stripBom(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    return new TextDecoder('windows-1252').decode(body);
  }
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}
