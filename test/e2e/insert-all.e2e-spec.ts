import { randomUUID } from 'node:crypto';
import { EntityManager, MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import { AuditEntry } from '../../libs/audit/src/audit-entry.entity';
import { auditRow } from '../../libs/audit/src/audit-log.service';
import { OutboxMessage } from '../../libs/notifications/src/outbox/outbox-message.entity';
import { insertAll, insertRows } from '../../libs/persistence/src/insert-rows';
import { createTestApp, type TestApp } from '../support/test-app';

/** The bulk writers the post relies on: one atomic statement on PostgreSQL, constraint errors as MikroORM's. */
describe('insertAll / insertRows on PostgreSQL', () => {
  let t: TestApp;
  let em: () => EntityManager;

  beforeAll(async () => {
    t = await createTestApp();
    em = () => t.app.get(MikroORM).em.fork();
  });
  afterAll(() => t.close());

  const at = new Date('2026-11-23T08:49:59.123Z');
  const outboxRow = (dedupeKey: string) => ({
    id: randomUUID(),
    kind: 'message-alert',
    payload: { messageId: randomUUID(), note: "quotes ' and \" and ? and $1 stay text" },
    dedupeKey,
    createdAt: at,
    availableAt: at,
    attempts: 0,
  });

  it('writes every set, with JSON, dates and nulls as they were given', async () => {
    const audit = auditRow(at, { action: 'test.insert-all', objectType: 'test', details: { list: [1, 2], nested: { ok: true } } });
    const outbox = [outboxRow(`t:${randomUUID()}`), outboxRow(`t:${randomUUID()}`)];
    await insertAll(em(), [
      { entity: AuditEntry, rows: [audit] },
      { entity: OutboxMessage, rows: outbox },
      { entity: OutboxMessage, rows: [] },
    ]);
    const read = await em().findOneOrFail(AuditEntry, audit.id);
    expect(read).toMatchObject({ action: 'test.insert-all', actorId: null, details: { list: [1, 2], nested: { ok: true } } });
    expect(read.at.toISOString()).toBe(at.toISOString());
    const stored = await em().find(OutboxMessage, { id: { $in: outbox.map((o) => o.id) } });
    expect(stored.map((o) => o.payload)).toEqual(expect.arrayContaining(outbox.map((o) => o.payload)));
  });

  it('is all or nothing: a unique violation in one set leaves no row of any set, and says so as MikroORM’s exception', async () => {
    const key = `t:${randomUUID()}`;
    await insertRows(em(), OutboxMessage, [outboxRow(key)]);
    const audit = auditRow(at, { action: 'test.insert-all.rollback' });
    const fresh = outboxRow(`t:${randomUUID()}`);

    await expect(
      insertAll(em(), [
        { entity: AuditEntry, rows: [audit] },
        { entity: OutboxMessage, rows: [fresh, outboxRow(key)] },
      ]),
    ).rejects.toBeInstanceOf(UniqueConstraintViolationException);
    expect(await em().count(AuditEntry, { id: audit.id })).toBe(0);
    expect(await em().count(OutboxMessage, { id: fresh.id })).toBe(0);
  });

  it('joins the caller’s transaction when there is one', async () => {
    const audit = auditRow(at, { action: 'test.insert-all.tx' });
    await expect(
      em().transactional(async (tx) => {
        await insertAll(tx, [{ entity: AuditEntry, rows: [audit] }]);
        expect(await tx.count(AuditEntry, { id: audit.id })).toBe(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await em().count(AuditEntry, { id: audit.id })).toBe(0);
  });
});
