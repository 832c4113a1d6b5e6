/** How far back an unmarked test is still reminded of (a term); older ones are left to the deputy head's checks. */
export const TEST_LOOKBACK_DAYS = 120;

/**
 * SQL (alias `l` for the lesson) counting the students enrolled in the lesson's group on its date who
 * have no test mark for it: one linked to the lesson, or given in its group and subject on its date.
 */
export const MISSING_TEST_MARKS = `(select count(*) from enrolment e
    join app_user st on st.id = e.student_id and st.active = true
   where e.group_id = l.group_id and e.from_date <= l.date and (e.to_date is null or e.to_date >= l.date)
     and not exists (select 1 from mark m where m.student_id = e.student_id and m.kind = 'test'
       and (m.lesson_id = l.id or (m.group_id = l.group_id and m.subject = l.subject and m.date = l.date))))`;
