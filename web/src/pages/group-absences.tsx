import { useEffect, useState } from 'preact/hooks';
import { api, type Group } from '../api';
import { attendanceApi, formatDay, groupListInstitutions, type Absence } from '../attendance';
import { useSession } from '../context';
import { ListStatus } from '../hooks';
import { formatInstant, type Key } from '../i18n';

interface GroupToday {
  group: Group;
  absent: Absence[];
}

/** Who is absent today in the caller's groups (teachers: their own; management and the nurse: all), and who said so when. */
export function GroupAbsencesPage() {
  const { t, lang, me } = useSession();
  const [groups, setGroups] = useState<GroupToday[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    setBusy(true);
    try {
      const lists = await Promise.all(groupListInstitutions(me).map(async (id) => (await api.groups(id)).items));
      const all = lists.flat();
      const absent = await Promise.all(all.map((g) => attendanceApi.ofGroupToday(g.id)));
      setGroups(all.map((group, i) => ({ group, absent: absent[i].items })));
      setFailed(false);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => void load(), [me.id]);

  return (
    <section aria-labelledby="group-absences-title" class="stack">
      <div class="title-row">
        <h1 id="group-absences-title">{t('groupAbsencesTitle')}</h1>
        <button type="button" class="secondary" onClick={() => void load()} disabled={busy}>
          {t('refreshList')}
        </button>
      </div>
      <ListStatus t={t} failed={failed} items={groups} empty={t('noGroupsToShow')} />
      {groups?.map(({ group, absent }) => (
        <div key={group.id} class="card" data-testid="group-absences" data-group-id={group.id}>
          <h2>
            {group.name} <span class="count">{t('absentCount', { count: absent.length })}</span>
          </h2>
          {absent.length === 0 ? (
            <p>{t('nobodyAbsent')}</p>
          ) : (
            <ul class="notices">
              {absent.map((n) => (
                <li key={n.id}>
                  <span class="subject">{n.studentName}</span>
                  <span class="meta">
                    {n.to === null ? t('periodOpen', { from: formatDay(lang, n.from) }) : `${formatDay(lang, n.from)} – ${formatDay(lang, n.to)}`}
                    {' · '}
                    {t(`reason:${n.reason}` as Key)}
                    {n.note ? ` · ${n.note}` : ''}
                  </span>
                  <span class="meta">{t('reportedBy', { name: n.createdBy.displayName, time: formatInstant(lang, n.createdAt) })}</span>
                  <span class="tags">
                    {n.justification === 'justified' && <span class="tag done">{t('justified')}</span>}
                    {n.justification === 'unjustified' && <span class="tag urgent">{t('unjustified')}</span>}
                    {n.justification === null && n.recordedInLesson && <span class="tag ack">{t('recordedInLesson')}</span>}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
