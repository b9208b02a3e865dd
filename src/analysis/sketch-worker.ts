/** A worker thread of sketch.ts: shingles its share of the texts (packed UTF-8, packed-texts.ts) and hands the sets back. */
import { serve } from './fan-out-worker.js';
import { type PackedTexts, unpackedTexts } from './packed-texts.js';
import { sketch } from './sketch.js';

serve((texts: PackedTexts) => {
  const { flat, starts } = sketch(unpackedTexts(texts), false);
  return { result: { flat, starts }, transfer: [flat.buffer as ArrayBuffer, starts.buffer as ArrayBuffer] };
});
