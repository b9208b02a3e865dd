/**
 * Text for a terminal. The characters that could move the cursor, recolour or retitle the terminal,
 * set its clipboard (OSC 52) or hide a link (OSC 8), and the bidi and zero-width characters, are
 * removed by the model's displayText, the one definition every format shares.
 */
import { displayCopy, displayText } from '../model/index.js';
import type { Renderer } from './types.js';

/** One line of terminal-safe text: controls removed, newlines and tabs become spaces. */
export function terminalSafe(text: string): string {
  return displayText(text.replace(/[\n\t\r]+/g, ' '));
}

/** Terminal-safe text that keeps its line breaks (a message on stderr): CR and tabs become spaces. */
export function terminalText(text: string): string {
  return displayText(text.replace(/\r\n?/g, '\n').replace(/\t/g, ' '));
}

export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, Math.max(1, max - 1)).join('')}…` : text;
}

/**
 * A renderer that takes its text from a display copy of the report (model/display-text.ts): whatever
 * fetched or forged text a field holds, every format gets it without controls, bidi or zero-width
 * characters, names and handles capped. Each renderer is wrapped, so calling one directly is as safe.
 */
export const fromDisplayCopy =
  (render: Renderer): Renderer =>
  (report, options) =>
    render(displayCopy(report), options);
