/** `channel-audit compare --format json`: the Benchmark itself (docs/commands.md#compare describes its shape). */
import { displayCopy, type Benchmark } from '../model/index.js';

export function renderBenchmarkJson(given: Benchmark): string {
  return `${JSON.stringify(displayCopy(given), null, 2)}\n`;
}
