/** Text from the HTML fragments platforms put in posts, and white space collapsed (sources/text.ts, spaces.ts). */
import { describe, expect, it } from 'vitest';
import { collapseSpaces } from '../src/sources/spaces.js';
import { htmlToText } from '../src/sources/text.js';

describe('htmlToText', () => {
  it('ends a line at <br>, a paragraph with a blank line and other blocks with a line, in any case', () => {
    expect(htmlToText('one<br>two<BR/>three<br />four')).toBe('one\ntwo\nthree\nfour');
    expect(htmlToText('<p>first</p><P>second</P>after')).toBe('first\n\nsecond\n\nafter');
    expect(htmlToText('<ul><li>a</li><LI>b</LI></ul><h2>t</h2><div>d</div>e')).toBe('a\nb\nt\nd\ne');
    expect(htmlToText('<blockquote>q</blockquote><pre>p</pre><section>s</section><article>r</article>x')).toBe(
      'q\np\ns\nr\nx',
    );
  });

  it('leaves scripts, styles and comments out, decodes entities and keeps no more than one blank line', () => {
    expect(htmlToText('a<script>x()</script><style>p{}</style><!-- c -->b &amp; &lt;c&gt;')).toBe('ab & <c>');
    expect(htmlToText('<p>a</p>\n\n\n<p>b</p>  \n')).toBe('a\n\nb');
  });

  it('reads tag names in any case, named and numeric entities, and never an attribute as text', () => {
    expect(
      htmlToText('<SCRIPT>a()</SCRIPT><Style>b{}</Style>caf&eacute; &#8212; &#x41;<a title="x > y" href="/">link</a>'),
    ).toBe('café — Alink');
    expect(htmlToText('a<![CDATA[hidden]]>b<!DOCTYPE html><?pi x?>c')).toBe('abc');
    expect(htmlToText('a < b && c')).toBe('a < b && c');
  });

  it('returns text with neither < nor & as it is, trimmed', () => {
    expect(htmlToText('  plain text  ')).toBe('plain text');
  });
});

describe('collapseSpaces', () => {
  it('makes every run of white space one space, Unicode spaces too, and trims', () => {
    expect(collapseSpaces(' a  b\tc\n\nd\u00a0e \u2003 f ')).toBe('a b c d e f');
    expect(collapseSpaces('one space each')).toBe('one space each');
    expect(collapseSpaces('\n')).toBe('');
  });
});
