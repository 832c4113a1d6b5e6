import type { Span } from './api';

/**
 * A plain-text draft as the HTML the post accepts: blank lines separate paragraphs, single line
 * breaks stay. `text` is what the server's moderation reads back (paragraphs joined by a blank
 * line), so the offsets it reports point into it.
 */
export function draftToHtml(draft: string): { html: string; text: string } {
  const paragraphs = draft
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return {
    html: paragraphs.map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`).join(''),
    text: paragraphs.join('\n\n'),
  };
}

export interface Piece {
  text: string;
  category?: string;
}

/** Cuts `text` into plain and flagged pieces; overlapping or out-of-range spans are clipped. */
export function splitBySpans(text: string, spans: Span[]): Piece[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Piece[] = [];
  let at = 0;
  for (const s of sorted) {
    const start = Math.max(at, Math.min(s.start, text.length));
    const end = Math.max(start, Math.min(s.end, text.length));
    if (start > at) out.push({ text: text.slice(at, start) });
    if (end > start) out.push({ text: text.slice(start, end), category: s.category });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}
