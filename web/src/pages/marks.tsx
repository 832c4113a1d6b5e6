import { ErrorText } from '../hooks';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type Mark } from '../api';
import { useSession } from '../context';
import { formatDate, isKey, type Translate } from '../i18n';
import { navigate, onLink } from '../router';

/** A guardian's children's marks, one child at a time, by subject (the API's own scales and values). */
export function MarksPage(props: { studentId?: string }) {
  const { t, me } = useSession();
  const children = me.children;
  const studentId = props.studentId ?? children[0]?.id;
  const [marks, setMarks] = useState<Mark[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!props.studentId && studentId) navigate(`/marks/${studentId}`, true);
  }, [props.studentId, studentId]);
  useEffect(() => {
    if (!studentId) return;
    let live = true;
    setMarks(null);
    setError(null);
    api.marks(studentId).then(
      (r) => live && setMarks(r.items),
      // Another family's child is indistinguishable from no child at all (404 STUDENT_NOT_FOUND).
      (e) => live && setError(e instanceof ApiError && e.status === 404 ? t('studentNotFound') : t('somethingWrong')),
    );
    return () => void (live = false);
  }, [studentId]);

  if (!children.length && !props.studentId) return <p>{t('noChildren')}</p>;
  const child = children.find((c) => c.id === studentId);
  const bySubject = new Map<string, Mark[]>();
  for (const m of marks ?? []) bySubject.set(m.subject, [...(bySubject.get(m.subject) ?? []), m]);
  const subjects = [...bySubject.keys()].sort((a, b) => a.localeCompare(b, 'lv'));

  return (
    <section aria-labelledby="marks-title">
      <h1 id="marks-title">{child ? t('marksOf', { name: child.displayName }) : t('marks')}</h1>
      {children.length > 1 && (
        <nav class="tabs" aria-label={t('children')}>
          {children.map((c) => (
            <a key={c.id} href={`/app/marks/${c.id}`} aria-current={c.id === studentId ? 'page' : undefined} onClick={(e) => onLink(e, `/marks/${c.id}`)}>
              {c.displayName}
            </a>
          ))}
        </nav>
      )}
      <ErrorText text={error} />
      {!error && !marks && <p role="status">{t('loading')}</p>}
      {marks && !marks.length && <p>{t('noMarks')}</p>}
      {subjects.map((subject) => (
        <section key={subject} class="card subject-marks" aria-labelledby={`subject-${slug(subject)}`} data-subject={subject}>
          <h2 id={`subject-${slug(subject)}`}>{subject}</h2>
          <ul class="marks">
            {bySubject.get(subject)!.map((m) => (
              <MarkItem key={m.id} t={t} mark={m} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

const slug = (s: string) => Array.from(s, (c) => c.codePointAt(0)!.toString(36)).join('');

function MarkItem(props: { t: Translate; mark: Mark }) {
  const { t, mark } = props;
  const { lang } = useSession();
  const valueKey = `mark:${mark.scale}:${mark.value}`;
  const scaleKey = `scale:${mark.scale}`;
  const kindKey = `kind:${mark.kind}`;
  const meaning = mark.value === null ? t('notAssessed') : isKey(valueKey) ? t(valueKey) : null;
  return (
    <li data-testid="mark" data-scale={mark.scale}>
      <span class="value" aria-hidden={mark.value === null ? 'true' : undefined}>
        {mark.value ?? '—'}
      </span>
      <span class="about">
        {meaning && <span class="meaning">{meaning}</span>}
        <span class="meta">
          {t('scale')}: <span class="scale">{mark.scale}</span>
          {isKey(scaleKey) ? ` (${t(scaleKey)})` : ''}
          {mark.kind !== 'lesson' && ` · ${isKey(kindKey) ? t(kindKey) : mark.kind}`}
        </span>
        <span class="meta">
          <time dateTime={mark.date}>{formatDate(lang, mark.date)}</time> · {mark.teacher.displayName}
        </span>
      </span>
    </li>
  );
}
