import { ApiError, type Span } from './api';
import { Highlighted } from './highlight';
import type { Translate } from './i18n';

/** A draft the post refused, with the spans moderation flagged (offsets into the texts it read back). */
export interface Rejection {
  subject: string;
  body: string;
  spans: Span[];
}

/**
 * What a failed send or reply tells its writer: the refused draft to highlight when moderation
 * rejected it, else one sentence. The compose page and the reply form say the same things.
 */
export function sendFailure(err: unknown, t: Translate, draft: { subject: string; text: string }): { text: string; rejection: Rejection | null } {
  if (err instanceof ApiError && err.code === 'MESSAGE_REJECTED') {
    return { text: t('rejected'), rejection: { subject: draft.subject, body: draft.text, spans: err.details as Span[] } };
  }
  if (err instanceof ApiError && err.code === 'RECIPIENT_NOT_ALLOWED') return { text: t('recipientNotAllowed'), rejection: null };
  return { text: err instanceof ApiError ? err.message : t('somethingWrong'), rejection: null };
}

/** The rejected draft with each flagged word marked and named, so the writer sees what to change. */
export function ModerationFeedback(props: { t: Translate; rejection: Rejection; id?: string }) {
  const { t, rejection } = props;
  const fields = [
    { name: t('inSubject'), text: rejection.subject, spans: rejection.spans.filter((s) => s.field === 'subject') },
    { name: t('inBody'), text: rejection.body, spans: rejection.spans.filter((s) => s.field !== 'subject') },
  ].filter((f) => f.spans.length);
  return (
    <div id={props.id ?? 'moderation-feedback'} class="feedback" data-testid="moderation-feedback">
      {fields.map((f) => (
        <div key={f.name}>
          <h2>{f.name}</h2>
          <p class="body">
            <Highlighted t={t} text={f.text} spans={f.spans} />
          </p>
        </div>
      ))}
    </div>
  );
}
