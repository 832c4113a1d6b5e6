import type { Span } from './api';
import { splitBySpans } from './draft';
import { isKey, type Translate } from './i18n';

/** A moderation category in the reader's language; one the client does not know is "not allowed". */
export function categoryLabel(t: Translate, category: string): string {
  const key = `category:${category}`;
  return t(isKey(key) ? key : 'category:other');
}

/** `text` with each flagged span marked and named (the name is read out, not only coloured). */
export function Highlighted(props: { t: Translate; text: string; spans: Span[] }) {
  return (
    <>
      {splitBySpans(props.text, props.spans).map((p, i) =>
        p.category ? (
          <mark key={i} title={categoryLabel(props.t, p.category)}>
            {p.text}
            <span class="why"> ({categoryLabel(props.t, p.category)})</span>
          </mark>
        ) : (
          p.text
        ),
      )}
    </>
  );
}
