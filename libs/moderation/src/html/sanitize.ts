import type sanitizeHtmlType from 'sanitize-html';

type SanitizeHtml = typeof sanitizeHtmlType;
let loaded: SanitizeHtml | null = null;

/**
 * sanitize-html 2.18 depends on the ESM-only htmlparser2 12, which Node 20.19+ require()s natively.
 * Loading on first use keeps start-up cheap for processes that never sanitise (the worker); Jest gets
 * CommonJS copies of the parser (test/support/esm-as-cjs.js).
 */
function sanitizeHtml(html: string, options: sanitizeHtmlType.IOptions): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('sanitize-html') as SanitizeHtml;
  return loaded(html, options);
}

/**
 * Message HTML allow-list: formatting only. Everything that can run code, load resources or restyle
 * the page (script, style, iframe, svg, event handlers, javascript:/data: URLs) is dropped.
 */
const SAFE_HREF = /^\s*(?:https?:\/\/|mailto:)/i;

const MESSAGE_OPTIONS: sanitizeHtmlType.IOptions = {
  allowedTags: ['p', 'br', 'b', 'strong', 'i', 'em', 'u', 'ul', 'ol', 'li', 'blockquote', 'a'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'action', 'formaction', 'data', 'xlink:href'],
  allowProtocolRelative: false,
  allowedStyles: {},
  allowVulnerableTags: false,
  disallowedTagsMode: 'discard',
  // Raw-text and embedding elements lose their content too, not just their tags.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'xmp', 'iframe', 'noembed', 'noframes', 'template', 'title', 'svg', 'math', 'object', 'embed', 'plaintext'],
  enforceHtmlBoundary: false,
  parseStyleAttributes: false,
  transformTags: {
    a: (tagName, attribs) => {
      const href = attribs.href;
      const out: sanitizeHtmlType.Attributes = { rel: 'noopener noreferrer nofollow' };
      // Absolute http(s)/mailto only: relative and scheme-less links have no meaning in a message.
      if (href !== undefined && SAFE_HREF.test(href)) out.href = href.trim();
      return { tagName, attribs: out };
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'a' && !frame.attribs.href && !frame.text.trim(),
};

export function sanitizeMessageHtml(html: string): string {
  if (typeof html !== 'string') throw new TypeError('sanitizeMessageHtml: html must be a string');
  return sanitizeHtml(html, MESSAGE_OPTIONS);
}

const TEXT_OPTIONS: sanitizeHtmlType.IOptions = {
  allowedTags: [],
  allowedAttributes: {},
  disallowedTagsMode: 'discard',
  nonTextTags: MESSAGE_OPTIONS.nonTextTags,
  parseStyleAttributes: false,
};

// Bounded attribute scan keeps these regexes linear on hostile input such as "<p<p<p...".
const BLOCK_BREAK = /<\s*(?:br|\/\s*li|\/?\s*(?:p|div|blockquote|h[1-6]|tr|ul|ol|table|section|article|header|footer))\b[^<>]{0,1000}>/gi;
const LIST_ITEM = /<\s*li\b[^<>]{0,1000}>/gi;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * Plain text for moderation and SMS: block elements become line breaks, list items get "- ", markup
 * and non-text elements disappear, entities are decoded. The result is text, never HTML: do not
 * render it as markup.
 */
export function htmlToText(html: string): string {
  if (typeof html !== 'string') throw new TypeError('htmlToText: html must be a string');
  // Markers survive sanitising as text; tags around them are then stripped by a real parser.
  const marked = html.replace(/[\u0000\u0001]/g, '').replace(BLOCK_BREAK, (m) => `${m}\u0000`).replace(LIST_ITEM, (m) => `${m}\u0000\u0001`);
  const stripped = sanitizeHtml(marked, TEXT_OPTIONS);
  const decoded = stripped.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]);
  return decoded
    .replace(/[ \t\f\v\r]*\u0000[ \t\f\v\r]*/g, '\n')
    .replace(/\u0001/g, '- ')
    .replace(/[ \t\f\v\r\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
