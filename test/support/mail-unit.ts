import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EntityManager, MikroORM } from '@mikro-orm/core';
import { Test, type TestingModule } from '@nestjs/testing';
import { AudienceService } from '../../apps/mail/src/audience/audience.service';
import { OutboxWake } from '../../libs/notifications/src/outbox/outbox-wake';
import { InboxEvents } from '../../apps/mail/src/inbox-events/inbox-events.service';
import { MailboxService } from '../../apps/mail/src/mailbox/mailbox.service';
import { MessageAccess } from '../../apps/mail/src/messages/message-access';
import { messageError } from '../../apps/mail/src/messages/message-errors';
import { MessagesService } from '../../apps/mail/src/messages/messages.service';
import { SendRateLimit } from '../../apps/mail/src/messages/send-rate-limit';
import { ModerationQueueService } from '../../apps/mail/src/moderation/moderation-queue.service';
import { RealtimePublisher, type ServerEventName, type ServerEvents } from '../../apps/mail/src/realtime/realtime.contract';
import { ReceiptsService } from '../../apps/mail/src/receipts/receipts.service';
import type { Actor } from '../../libs/auth/src/actor';
import { AuditLog } from '../../libs/audit/src/audit-log.service';
import { AccessPolicy } from '../../libs/access/src/access.policy';
import { AccessRepository } from '../../libs/access/src/access.repository';
import { DirectoryQueries } from '../../libs/directory/src/directory.queries';
import type { Role } from '../../libs/directory/src/entities';
import type { Decision, ModerationMatch, ModerationResult } from '../../libs/moderation/src/core/types';
import { ModerationService } from '../../libs/moderation/src/moderation.service';
import { OutboxWriter } from '../../libs/notifications/src/outbox/outbox.writer';
import { migrateUp } from '../../libs/persistence/src/migrate';
import { ormOptions } from '../../libs/persistence/src/orm-config';
import { AppConfig } from '../../libs/platform/src/config/app-config';
import { loadConfig } from '../../libs/platform/src/config/load-config';
import { Clock, FixedClock } from '../../libs/platform/src/time/clock';
import { Fixtures, type Person } from './fixtures';
import { TEST_NOW } from './test-now';

/** Every event a service published, in order, instead of sockets. */
export class RecordingPublisher extends RealtimePublisher {
  readonly sent: { userIds: string[]; event: ServerEventName; payload: unknown }[] = [];

  toUsers<E extends ServerEventName>(userIds: readonly string[], event: E, payload: ServerEvents[E]): void {
    this.sent.push({ userIds: [...userIds], event, payload });
  }

  /** The payloads of `event` that reached `userId`. */
  to<E extends ServerEventName>(userId: string, event: E): ServerEvents[E][] {
    return this.sent.filter((e) => e.event === event && e.userIds.includes(userId)).map((e) => e.payload as ServerEvents[E]);
  }
}

/**
 * Moderation that flags exactly the words a test names (review or block), so a test states the
 * verdict instead of depending on the lexicon; HTML is still sanitised by the real code around it.
 */
export class ScriptedModeration extends ModerationService {
  readonly verdicts = new Map<string, Exclude<Decision, 'allow'>>();

  override moderate(text: string): ModerationResult {
    const matches: ModerationMatch[] = [];
    for (const [word, decision] of this.verdicts) {
      const start = text.indexOf(word);
      if (start >= 0) matches.push({ start, end: start + word.length, category: 'insult', severity: decision === 'block' ? 3 : 2, term: word, lang: 'custom' });
    }
    const decision = matches.some((m) => m.severity === 3) ? 'block' : matches.length ? 'review' : 'allow';
    return { decision, categories: matches.length ? ['insult'] : [], matches };
  }
}

/** The per-sender flood control, counted in memory; `refuse` makes the next sends fail as the real one does. */
export class FakeRateLimit {
  readonly consumed: string[] = [];
  refuse = false;

  async consume(senderId: string): Promise<void> {
    if (this.refuse) throw messageError.tooManyMessages(60);
    this.consumed.push(senderId);
  }
}

export interface MailUnit {
  module: TestingModule;
  em: () => EntityManager;
  clock: FixedClock;
  realtime: RecordingPublisher;
  moderation: ScriptedModeration;
  rateLimit: FakeRateLimit;
  fixtures: Fixtures;
  /** The fakes back to their start: no events, no verdicts, no refusals (the clock stays where a test put it). */
  reset(): void;
  close(): Promise<void>;
}

/**
 * The post's services for unit tests: built by Nest from their real collaborators, over MikroORM on
 * SQLite in memory (migrated like the embedded default) as the store, with fakes for the ports that
 * leave the process or decide on their own: the clock, the realtime publisher, moderation and the
 * send rate limit. No Redis, no sockets, no HTTP.
 */
export async function mailUnit(): Promise<MailUnit> {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'sqlite::memory:', DATA_DIR: mkdtempSync(join(tmpdir(), 'sp-unit-')), LOG_LEVEL: 'silent' });
  const options = ormOptions(config);
  // One connection: every connection to ":memory:" would be a database of its own.
  const orm = await MikroORM.init({ ...options, pool: { min: 1, max: 1 }, migrations: { ...options.migrations, silent: true } });
  await migrateUp(orm);
  const clock = new FixedClock(TEST_NOW);
  const realtime = new RecordingPublisher();
  const moderation = new ScriptedModeration();
  const rateLimit = new FakeRateLimit();
  const module = await Test.createTestingModule({
    providers: [
      { provide: MikroORM, useValue: orm },
      { provide: EntityManager, useValue: orm.em },
      { provide: AppConfig, useValue: config },
      { provide: Clock, useValue: clock },
      { provide: RealtimePublisher, useValue: realtime },
      { provide: ModerationService, useValue: moderation },
      { provide: SendRateLimit, useValue: rateLimit },
      // Waking workers is a Redis hint this harness has no worker for.
      { provide: OutboxWake, useValue: { committed: () => undefined, nudge: () => undefined } },
      MessagesService,
      ModerationQueueService,
      MailboxService,
      MessageAccess,
      AudienceService,
      InboxEvents,
      ReceiptsService,
      DirectoryQueries,
      AccessPolicy,
      AccessRepository,
      OutboxWriter,
      AuditLog,
    ],
  }).compile();
  return {
    module,
    em: () => orm.em.fork(),
    clock,
    realtime,
    moderation,
    rateLimit,
    fixtures: new Fixtures(module),
    reset: () => {
      realtime.sent.length = 0;
      moderation.verdicts.clear();
      rateLimit.consumed.length = 0;
      rateLimit.refuse = false;
    },
    close: async () => {
      await module.close();
      await orm.close(true);
    },
  };
}

/** The caller as the services see it, with the roles the fixtures gave the person. */
export function actorOf(person: Person, roles: { institutionId: string; role: Role }[]): Actor {
  return { userId: person.id, displayName: `Test ${person.username}`, sessionId: '00000000-0000-4000-8000-000000000000', roles, mustChangePassword: false };
}

export type UnitMember = Person & { actor: Actor };

/**
 * One institution for the post's unit tests: a teacher of group 1.a, a deputy head and a head
 * (moderators), a child in 1.a with a mother, and a child in 1.b with a parent the teacher may not write to.
 */
export async function unitSchool(f: Fixtures) {
  const inst = (await f.institution('school')).id;
  const groupA = (await f.group(inst, '1.a')).id;
  const groupB = (await f.group(inst, '1.b')).id;
  const member = async (role: Role, givenName: string): Promise<UnitMember> => {
    const p = await f.person([{ institutionId: inst, role }], { password: null, givenName });
    return { ...p, actor: actorOf(p, [{ institutionId: inst, role }]) };
  };
  const teacher = await member('teacher', 'Skolotāja');
  await f.assign(teacher.id, groupA);
  const deputy = await member('deputy_head', 'Vietniece');
  const head = await member('head', 'Vadītāja');
  const child = await member('student', 'Anna');
  await f.enrol(child.id, groupA);
  const mother = await member('guardian', 'Māte');
  await f.guard(mother.id, child.id);
  const childB = await member('student', 'Līga');
  await f.enrol(childB.id, groupB);
  const parentB = await member('guardian', 'Vecāks');
  await f.guard(parentB.id, childB.id);
  return { inst, groupA, groupB, teacher, deputy, head, child, mother, childB, parentB };
}
