/** The one wording helper client-facing text goes through (issue 21, item 3). */
import { describe, expect, it } from 'vitest';
import { article, feedKind, grouped, PLATFORMS, platformName, plural, withArticle } from '../src/model/index.js';
import { PLATFORM_DEFINITIONS } from '../src/platforms/index.js';

describe('wording', () => {
  it.each([
    [0, 'page', '0 pages'],
    [1, 'page', '1 page'],
    [3, 'page', '3 pages'],
    [1, 'reply', '1 reply'],
    [2, 'reply', '2 replies'],
    [2, 'day', '2 days'],
    [2, 'match', '2 matches'],
    [1, 'Facebook post date', '1 Facebook post date'],
    [12_345, 'item', '12,345 items'],
  ])('plural(%i, %s) is "%s"', (n, word, expected) => {
    expect(plural(n, word)).toBe(expected);
  });

  it('groups thousands as en-US does, without Intl', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 1_000_000, -4321, 1234.5, 0.25])
      expect(grouped(n)).toBe(n.toLocaleString('en-US', { maximumFractionDigits: 20 }));
  });

  it('takes an irregular plural', () => {
    expect(plural(2, 'person', 'people')).toBe('2 people');
  });

  it.each([
    ['RSS feed', 'an'],
    ['Atom feed', 'an'],
    ['RDF feed', 'an'],
    ['JSON Feed', 'a'],
    ['HTML page', 'an'],
    ['X archive', 'an'],
    ['FAQ', 'an'],
    ['URL', 'a'],
    ['YouTube channel', 'a'],
    ['user', 'a'],
    ['hour', 'an'],
    ['one-off', 'a'],
    ['export', 'an'],
    ['abandoned profile', 'an'],
    ['Instagram account', 'an'],
    ['profile', 'a'],
  ])('says "%s" with "%s"', (word, expected) => {
    expect(article(word)).toBe(expected);
    expect(withArticle(word)).toBe(`${expected} ${word}`);
  });

  it('names feed formats and every platform as their owners write them', () => {
    expect(['rss', 'atom', 'rdf', 'json'].map((f) => withArticle(feedKind(f)))).toEqual([
      'an RSS feed',
      'an Atom feed',
      'an RDF feed',
      'a JSON Feed',
    ]);
    expect(platformName('linkedin')).toBe('LinkedIn');
    expect(platformName('youtube')).toBe('YouTube');
    // the short name is the start of the definition's long name (feed and web pages excepted: those are kinds, not brands)
    for (const d of PLATFORM_DEFINITIONS) {
      if (d.id === 'feed' || d.id === 'web') continue;
      expect(d.name.startsWith(platformName(d.id)), d.id).toBe(true);
    }
    expect(PLATFORMS.every((id) => platformName(id).length > 0)).toBe(true);
  });
});
