import { Inject, Injectable, Optional } from '@nestjs/common';
import { getModerator } from './core/moderate';
import type { ModerationOptions, ModerationResult } from './core/types';
import { htmlToText, sanitizeMessageHtml } from './html/sanitize';

export const MODERATION_OPTIONS = Symbol('MODERATION_OPTIONS');

/** Thin Nest wrapper; the compiled lexicon is shared and per-institution options are cached. */
@Injectable()
export class ModerationService {
  constructor(@Optional() @Inject(MODERATION_OPTIONS) private readonly defaults?: ModerationOptions) {}

  /** `institution` overrides the module-wide defaults entirely (they are not merged). */
  moderate(text: string, institution?: ModerationOptions): ModerationResult {
    return getModerator(institution ?? this.defaults).moderate(text);
  }

  /** Sanitises message HTML and moderates its visible text; offsets refer to `text`. */
  moderateHtml(html: string, institution?: ModerationOptions): { html: string; text: string; result: ModerationResult } {
    const clean = sanitizeMessageHtml(html);
    const text = htmlToText(clean);
    return { html: clean, text, result: this.moderate(text, institution) };
  }

  sanitizeHtml(html: string): string {
    return sanitizeMessageHtml(html);
  }

  htmlToText(html: string): string {
    return htmlToText(html);
  }
}
