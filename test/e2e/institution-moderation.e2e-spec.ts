import { MikroORM } from '@mikro-orm/core';
import { AuditEntry } from '../../libs/audit/src/audit-entry.entity';
import { bearer } from '../support/fixtures';
import { buildSchool, type Member, type School } from '../support/school';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Each institution's management tunes the moderation gate for its own messages (allow-list, extra
 * blocked words, strict mode) through the settings endpoint; the other institution keeps the defaults.
 */
describe('institution moderation settings', () => {
  let t: TestApp;
  let s: School;
  const em = () => t.app.get(MikroORM).em.fork();

  beforeAll(async () => {
    t = await createTestApp({ env: { MESSAGE_RATE_LIMIT: '1000' } });
    s = await buildSchool(t);
  });
  afterAll(() => t.close());

  const patch = (who: Member, moderation: unknown) => t.http.patch(`/institutions/${s.inst}/settings`).set(bearer(who.token)).send({ moderation });
  const moderationOf = async () => (await t.http.get(`/institutions/${s.inst}`).set(bearer(s.head.token)).expect(200)).body.settings.moderation;
  const audits = () => em().find(AuditEntry, { action: 'institution.settings_update', objectId: s.inst }, { orderBy: { id: 'asc' } });

  /** The same text from a teacher of this institution and from one of the other, to a parent of each. */
  async function sendBoth(subject: string, body: string) {
    const here = await t.http
      .post('/messages')
      .set(bearer(s.teacherA.token))
      .send({ institutionId: s.inst, subject, body, to: { users: [s.parent3.id] } });
    const there = await t.http
      .post('/messages')
      .set(bearer(s.otherTeacher.token))
      .send({ institutionId: s.other, subject, body, to: { users: [s.otherParent.id] } });
    const outcome = (res: { status: number; body: { status?: string; error?: { code: string } } }) =>
      res.status === 201 ? res.body.status : `${res.status} ${res.body.error?.code}`;
    return { here: outcome(here), there: outcome(there) };
  }

  it('an allow-listed surname is no longer held here, while the other institution still holds it; the change is audited', async () => {
    const text = 'Labdien, Dirsa kungs! Lūdzu, atsūtiet mājasdarbu.';
    expect(await sendBoth('Mājasdarbs', text)).toEqual({ here: 'held', there: 'held' });

    const res = await patch(s.head, { allowedTerms: [' Dirsa ', 'Pimpīšu teātris'] }).expect(200);
    expect(res.body.settings.moderation).toEqual({ allowedTerms: ['Dirsa', 'Pimpīšu teātris'], blockedTerms: [], mode: 'default', secondOpinion: null });
    expect(await moderationOf()).toEqual(res.body.settings.moderation);
    const [entry] = (await audits()).slice(-1);
    expect(entry).toMatchObject({ actorId: s.head.id, institutionId: s.inst, details: { changed: { 'moderation.allowedTerms': { added: ['Dirsa', 'Pimpīšu teātris'], removed: [] } } } });

    expect(await sendBoth('Mājasdarbs', text)).toEqual({ here: 'sent', there: 'held' });
    expect(await sendBoth('Izrāde', 'Rīt mēs Pimpīšu teātrī skatīsimies izrādi.')).toEqual({ here: 'sent', there: 'held' });
  });

  it('a blocked term holds messages with it in this institution only', async () => {
    const text = 'Kraukšķis šodien kavēja stundu.';
    expect(await sendBoth('Kavējums', text)).toEqual({ here: 'sent', there: 'sent' });
    await patch(s.deputy, { blockedTerms: ['kraukšķis'] }).expect(200);
    expect(await sendBoth('Kavējums', text)).toEqual({ here: 'held', there: 'sent' });
    // The allow-list set before is untouched by a PATCH that names only the blocked list.
    expect(await moderationOf()).toEqual({ allowedTerms: ['Dirsa', 'Pimpīšu teātris'], blockedTerms: ['kraukšķis'], mode: 'default', secondOpinion: null });
  });

  it('strict mode blocks what the default holds for review, here only; mild words are still held', async () => {
    const text = 'Tas viss ir sūds, nevis mācības.';
    expect(await sendBoth('Mācības', text)).toEqual({ here: 'held', there: 'held' });
    await patch(s.head, { mode: 'strict' }).expect(200);
    expect(await sendBoth('Mācības', text)).toEqual({ here: '422 MESSAGE_REJECTED', there: 'held' });
    expect(await sendBoth('Grāmata', 'Damn, I forgot the book.')).toEqual({ here: 'held', there: 'held' });
    // The institution's own blocked word is blocked too now.
    expect(await sendBoth('Kavējums', 'Kraukšķis šodien kavēja stundu.')).toEqual({ here: '422 MESSAGE_REJECTED', there: 'sent' });
    await patch(s.head, { mode: 'default' }).expect(200);
    expect(await sendBoth('Mācības', text)).toEqual({ here: 'held', there: 'held' });
  });

  it('the n-gram second opinion, on by default, holds what the rules let through; turned off here, here only; null goes back to the default', async () => {
    // A veiled threat without a violent word: the rules allow it; the shipped model holds it for review.
    const text = 'Tev labāk rīt nenākt uz skolu. Es nejokoju.';
    expect(await sendBoth('Čats', text)).toEqual({ here: 'held', there: 'held' });
    const off = await patch(s.head, { secondOpinion: false }).expect(200);
    expect(off.body.settings.moderation.secondOpinion).toBe(false);
    expect(await sendBoth('Čats', text)).toEqual({ here: 'sent', there: 'held' });
    // It never rejects on its own, and leaves ordinary messages alone, short ones included.
    expect(await sendBoth('Stunda', 'Rīt 8:30 matemātika, 5.b klasē.')).toEqual({ here: 'sent', there: 'sent' });
    expect(await sendBoth('Divi', 'Divi')).toEqual({ here: 'sent', there: 'sent' });
    const entries = (await audits()).filter((a) => 'moderation.secondOpinion' in ((a.details as { changed?: object } | null)?.changed ?? {}));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: s.head.id, details: { changed: { 'moderation.secondOpinion': { from: null, to: false } } } });
    await patch(s.head, { secondOpinion: null }).expect(200);
    expect((await moderationOf()).secondOpinion).toBeNull();
    expect(await sendBoth('Čats', text)).toEqual({ here: 'held', there: 'held' });
  });

  it('allow-listing a violent verb does not let a direct threat through; a hate word cannot be allow-listed', async () => {
    await patch(s.head, { allowedTerms: ['Dirsa', 'Pimpīšu teātris', 'kill', 'nogalināšu'] }).expect(200);
    for (const threat of ['I will kill you if you come again.', 'Es tevi nogalināšu, ja vēlreiz atnāksi.']) {
      expect(await sendBoth('Brīdinājums', threat)).toEqual({ here: '422 MESSAGE_REJECTED', there: '422 MESSAGE_REJECTED' });
    }
    const res = await patch(s.head, { allowedTerms: ['Dirsa', 'nigger'] }).expect(400);
    expect(res.body.error).toMatchObject({ code: 'MODERATION_TERM_NOT_ALLOWABLE', details: [{ field: 'moderation.allowedTerms.1' }] });
  });

  it('refuses bad input with 400 and a stable code, and changes nothing', async () => {
    const before = await moderationOf();
    const audited = (await audits()).length;
    const cases: [unknown, string, string][] = [
      [{ blockedTerms: Array.from({ length: 201 }, (_, i) => `vārds${String.fromCharCode(97 + Math.floor(i / 26), 97 + (i % 26))}`) }, 'MODERATION_TOO_MANY_TERMS', 'moderation.blockedTerms'],
      [{ allowedTerms: ['Dirsa', 'x'.repeat(61)] }, 'MODERATION_TERM_TOO_LONG', 'moderation.allowedTerms.1'],
      [{ allowedTerms: ['   '] }, 'MODERATION_TERM_EMPTY', 'moderation.allowedTerms.0'],
      [{ allowedTerms: ['Dirsa', 'DIRSA'] }, 'MODERATION_TERM_DUPLICATE', 'moderation.allowedTerms.1'],
      [{ blockedTerms: ['f*ck'] }, 'MODERATION_TERM_INVALID', 'moderation.blockedTerms.0'],
      [{ blockedTerms: ['dirsa'] }, 'MODERATION_TERM_IN_BOTH_LISTS', 'moderation.blockedTerms.0'],
      [{ mode: 'lenient' }, 'VALIDATION_FAILED', 'moderation.mode'],
      [{ secondOpinion: 'yes' }, 'VALIDATION_FAILED', 'moderation.secondOpinion'],
      [{ secondOpinion: 1 }, 'VALIDATION_FAILED', 'moderation.secondOpinion'],
      [{ allowedTerms: 'Dirsa' }, 'VALIDATION_FAILED', 'moderation.allowedTerms'],
      [{ blockedTerms: [42] }, 'VALIDATION_FAILED', 'moderation.blockedTerms'],
      [{ allowedTerms: [], extra: true }, 'VALIDATION_FAILED', 'moderation.extra'],
    ];
    for (const [moderation, code, field] of cases) {
      const res = await patch(s.head, moderation).expect(400);
      expect({ code: res.body.error.code, field: res.body.error.details?.[0]?.field }).toEqual({ code, field });
    }
    // Valid other settings in the same request are not saved either.
    await t.http.patch(`/institutions/${s.inst}/settings`).set(bearer(s.head.token)).send({ mealReportTime: '10:45', moderation: { allowedTerms: [''] } }).expect(400);
    const view = await t.http.get(`/institutions/${s.inst}`).set(bearer(s.head.token)).expect(200);
    expect(view.body.settings.mealReportTime).toBe('09:30');
    expect(await moderationOf()).toEqual(before);
    expect(await audits()).toHaveLength(audited);
  });

  it('only management changes them: a teacher gets 403, another institution’s teacher too', async () => {
    const before = await moderationOf();
    const teacher = await patch(s.teacherA, { allowedTerms: [] }).expect(403);
    expect(teacher.body.error.code).toBe('NOT_MANAGEMENT');
    await t.http.patch(`/institutions/${s.inst}/settings`).set(bearer(s.otherTeacher.token)).send({ moderation: { mode: 'strict' } }).expect(403);
    await t.http.patch(`/institutions/${s.inst}/settings`).set(bearer(s.mother.token)).send({ moderation: { mode: 'strict' } }).expect(403);
    expect(await moderationOf()).toEqual(before);
    // Members who are not management do not see the settings at all.
    const view = await t.http.get(`/institutions/${s.inst}`).set(bearer(s.teacherA.token)).expect(200);
    expect(view.body.settings).toBeUndefined();
  });
});
