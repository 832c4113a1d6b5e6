import { mailUnit, type MailUnit, type UnitMember, unitSchool } from '../../../../test/support/mail-unit';
import type { Folder } from '../messages/message.dto';
import { MessagesService } from '../messages/messages.service';
import { type FolderQueryInput, MailboxService } from './mailbox.service';

describe('MailboxService folders', () => {
  let u: MailUnit;
  let s: Awaited<ReturnType<typeof unitSchool>>;
  let mailbox: MailboxService;

  beforeAll(async () => {
    u = await mailUnit();
    s = await unitSchool(u.fixtures);
    mailbox = u.module.get(MailboxService);
  });
  afterAll(() => u.close());

  const send = async (from: UnitMember, to: UnitMember, subject: string) =>
    (await u.module.get(MessagesService).send(from.actor, { institutionId: s.inst, subject, body: 'Labdien!', to: { users: [to.id] } })).id;

  /** Follows nextCursor to the end; the ids of each page. */
  const pages = async (who: UnitMember, folder: Folder, q: Omit<FolderQueryInput, 'cursor'>) => {
    const out: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await mailbox.list(who.actor, folder, { ...q, cursor });
      out.push(page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
      expect(out.length).toBeLessThan(20);
    } while (cursor);
    return out;
  };

  it('pages the inbox newest first, each message once, and the last page has no cursor', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      u.clock.advanceMinutes(1);
      ids.push(await send(s.teacher, s.mother, `Ziņa ${i}`));
    }
    expect(await pages(s.mother, 'inbox', { limit: 2 })).toEqual([[ids[4], ids[3]], [ids[2], ids[1]], [ids[0]]]);
    expect(await pages(s.mother, 'inbox', { limit: 5 })).toEqual([[...ids].reverse()]);
  });

  it('pages messages delivered at the same instant by id, so none is skipped or repeated', async () => {
    u.clock.advanceMinutes(1);
    const same: string[] = [];
    for (let i = 0; i < 5; i++) same.push(await send(s.teacher, s.head, `Vienlaikus ${i}`));
    const got = await pages(s.head, 'inbox', { limit: 2 });
    expect(got.map((p) => p.length)).toEqual([2, 2, 1]);
    expect([...got.flat()].sort()).toEqual([...same].sort());
  });

  it('the unread filter pages only unread copies', async () => {
    u.clock.advanceMinutes(1);
    const a = await send(s.head, s.deputy, 'A');
    u.clock.advanceMinutes(1);
    const b = await send(s.head, s.deputy, 'B');
    u.clock.advanceMinutes(1);
    const c = await send(s.head, s.deputy, 'C');
    await mailbox.get(s.deputy.actor, b);
    expect(await pages(s.deputy, 'inbox', { limit: 1, unread: true })).toEqual([[c], [a]]);
  });

  it('an archive holding both received copies and own sent messages pages them as one list by time', async () => {
    const ids: string[] = [];
    for (const [from, to] of [
      [s.deputy, s.teacher],
      [s.teacher, s.mother],
      [s.head, s.teacher],
      [s.teacher, s.deputy],
    ] as const) {
      u.clock.advanceMinutes(1);
      const id = await send(from, to, 'Arhīvam');
      await mailbox.move(s.teacher.actor, id, 'archive');
      ids.push(id);
    }
    expect(await pages(s.teacher, 'archive', { limit: 1 })).toEqual([...ids].reverse().map((id) => [id]));
    expect(await pages(s.teacher, 'archive', { limit: 3 })).toEqual([[ids[3], ids[2], ids[1]], [ids[0]]]);
    // the sent folder no longer lists the archived ones; the inbox no longer shows the archived copies
    const sent = (await mailbox.list(s.teacher.actor, 'sent', { limit: 100 })).items.map((i) => i.id);
    const inbox = (await mailbox.list(s.teacher.actor, 'inbox', { limit: 100 })).items.map((i) => i.id);
    expect([...sent, ...inbox].filter((id) => ids.includes(id))).toEqual([]);
  });

  it('refuses a cursor it did not issue', async () => {
    await expect(mailbox.list(s.mother.actor, 'inbox', { limit: 2, cursor: 'bm9wZQ' })).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
  });
});
