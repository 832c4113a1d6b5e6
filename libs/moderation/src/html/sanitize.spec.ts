import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlToText, sanitizeMessageHtml } from './sanitize';

const resanitized = (html: string): string => sanitizeMessageHtml(sanitizeMessageHtml(html));

const { vectors } = JSON.parse(readFileSync(join(__dirname, '../../test-data/owasp-xss-vectors.json'), 'utf8')) as { vectors: string[] };

const FORMATTING =
  '<p>Labdien, <b>vecāki</b>!<br><i>Rīt</i> <u>ekskursija</u>.</p><ul><li>a</li></ul><ol><li>b</li></ol><blockquote>q</blockquote><strong>s</strong><em>e</em>';
const LINKS = [
  '<a href="https://skola.lv/x?a=1&b=2" target="_blank" title="t">x</a>',
  '<a href="mailto:info@skola.lv">m</a>',
  '<a href="http://skola.lv">h</a>',
];
const BAD_HREFS = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.example', 'ftp://x'].map(
  (h) => `<a href="${h}">link</a>`,
);
const NON_TEXT = 'a<script>evil()</script>b<style>p{}</style>c<xmp>x</xmp>d<iframe>i</iframe>e<svg><text>s</text></svg>f';
const BLOCKS = '<p>Hi <b>there</b></p><ul><li>one</li><li>two &amp; three</li></ul>line1<br>line2';
const ENTITIES = '&lt;b&gt; 5 &gt; 3 &quot;q&quot;<script>x()</script><style>y</style>';
const HOSTILE_P = '<p'.repeat(200_000);
const HOSTILE_LI = '<li '.repeat(200_000);
const SPLIT_WORD = '<p>Tu esi <b>m</b><i>auka</i></p>';

const ALLOWED_TAGS = new Set(['p', 'br', 'b', 'strong', 'i', 'em', 'u', 'ul', 'ol', 'li', 'blockquote', 'a']);
const TAG = /<\s*\/?\s*([a-zA-Z][a-zA-Z0-9:-]*)([^>]*)>/g;
const ATTR = /([^\s=/]+)\s*=\s*"([^"]*)"/g;

function decodeAttr(v: string): string {
  return v
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/** Every tag in the output is on the allow-list and only links carry attributes, with safe URLs. */
function assertSafe(out: string): void {
  for (const m of out.matchAll(TAG)) {
    const tag = m[1].toLowerCase();
    expect(ALLOWED_TAGS).toContain(tag);
    const attrs = m[2].replace(/\/\s*$/, '').trim();
    if (m[0].startsWith('</') || attrs === '') continue;
    expect(tag).toBe('a');
    const seen = [...attrs.matchAll(ATTR)];
    expect(seen.map((a) => a[0]).join(' ').length).toBe(attrs.replace(/\s+/g, ' ').length);
    for (const [, name, value] of seen) {
      expect(['href', 'rel']).toContain(name.toLowerCase());
      if (name.toLowerCase() === 'rel') expect(value).toBe('noopener noreferrer nofollow');
      if (name.toLowerCase() === 'href') {
        const url = decodeAttr(value).replace(/[\u0000-\u0020]/g, '');
        expect(url).toMatch(/^(https?:\/\/|mailto:)/i);
      }
    }
  }
  expect(out).not.toMatch(/<\s*(script|style|iframe|svg|math|xmp|object|embed|meta|link|base|form|img|input|body|frame|frameset|table|div|template|noscript|textarea|option|plaintext)\b/i);
  expect(out).not.toMatch(/\son[a-z]+\s*=/i);
  expect(out).not.toMatch(/style\s*=/i);
}

describe('sanitizeMessageHtml', () => {
  it('has the OWASP filter-evasion vectors to check', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(100);
  });

  it.each(vectors.map((v, i) => [i, v] as const))('vector %i leaves no script, handler, style or dangerous URL', (_i, vector) => {
    const out = sanitizeMessageHtml(vector);
    assertSafe(out);
    // Sanitising is idempotent: a second pass finds nothing new to remove.
    expect(resanitized(vector)).toBe(out);
  });

  it('keeps the small formatting allow-list', () => {
    expect(sanitizeMessageHtml(FORMATTING)).toBe(
      '<p>Labdien, <b>vecāki</b>!<br /><i>Rīt</i> <u>ekskursija</u>.</p><ul><li>a</li></ul><ol><li>b</li></ol><blockquote>q</blockquote><strong>s</strong><em>e</em>',
    );
  });

  it('keeps http, https and mailto links and forces rel', () => {
    expect(sanitizeMessageHtml(LINKS[0])).toBe(
      '<a rel="noopener noreferrer nofollow" href="https://skola.lv/x?a=1&amp;b=2">x</a>',
    );
    expect(sanitizeMessageHtml(LINKS[1])).toContain('href="mailto:info@skola.lv"');
    expect(sanitizeMessageHtml(LINKS[2])).toContain('href="http://skola.lv"');
  });

  it('drops javascript:, data:, vbscript: and protocol-relative links but keeps the text', () => {
    for (const html of BAD_HREFS) {
      const out = sanitizeMessageHtml(html);
      expect(out).not.toContain('href');
      expect(out).toContain('link');
    }
  });

  it('drops the content of script, style, xmp, iframe and svg', () => {
    const out = sanitizeMessageHtml(NON_TEXT);
    expect(out).toBe('abcdef');
  });
});

describe('htmlToText', () => {
  it('turns blocks into lines and list items into dashes', () => {
    expect(htmlToText(BLOCKS)).toBe(
      'Hi there\n\n- one\n\n- two & three\n\nline1\nline2',
    );
  });

  it('decodes entities to plain text and drops non-text elements', () => {
    expect(htmlToText(ENTITIES)).toBe('<b> 5 > 3 "q"');
  });

  it('handles hostile markup (200k unclosed tags)', () => {
    expect(htmlToText(HOSTILE_P)).toBe('');
    expect(htmlToText(HOSTILE_LI)).toBe('');
  });

  it('gives text that moderation can read', () => {
    expect(htmlToText(SPLIT_WORD)).toBe('Tu esi mauka');
  });
});
