/**
 * A LinkedIn download's Shares.csv (its columns as LinkedIn writes them) of `rows` posts a minute apart,
 * each post's text a spreadsheet formula (=HYPERLINK(…, "i")) that must stay text, zipped as a download.
 */
import { zip } from '../../../scripts/formats/zip.js';

export function sharesCsvZip(rows: number): Buffer {
  const start = Date.UTC(2026, 9, 31);
  const lines = ['Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility'];
  for (let i = 0; i < rows; i++)
    lines.push(
      `${new Date(start - i * 60_000).toISOString().slice(0, 19).replace('T', ' ')},,"=HYPERLINK(""http://evil.example"",""${i}"")",,,PUBLIC`,
    );
  return zip([{ name: 'Shares.csv', data: lines.join('\n') }]);
}
