/**
 * A worker thread of sketch.ts: sketches its share of the texts (packed UTF-8, packed-texts.ts), writes
 * their band keys into the shared array at its offset, and hands the shingle sets back.
 */
import { serve } from './fan-out-worker.js';
import { unpackedTexts } from './packed-texts.js';
import { sketch, type SketchShare } from './sketch.js';

serve(({ texts, banding, keys, offset }: SketchShare) => {
  const { flat, starts } = sketch(unpackedTexts(texts), banding, keys, offset, false);
  return { result: { flat, starts }, transfer: [flat.buffer as ArrayBuffer, starts.buffer as ArrayBuffer] };
});
