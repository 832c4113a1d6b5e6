import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { User } from '@app/directory/entities';
import { TestMarkReminder } from '@app/gradebook/entities';
import type { NotificationDelivery } from '@app/notifications/delivery/notification-delivery.entity';
import type { Composed } from '../pipeline/delivery-sender.service';
import { Templates } from '../templates/templates';
import { MISSING_TEST_MARKS } from './test-mark-queries';

/**
 * The teacher's reminder of unmarked tests, composed at send time: the tests it lists that still miss
 * marks, with how many students each (all marked meanwhile: nothing is sent). No student names.
 */
@Injectable()
export class TestMarkReminderComposer {
  constructor(
    private readonly em: EntityManager,
    private readonly templates: Templates,
  ) {}

  /** The reminder behind this delivery, or null when its event is not one. */
  async compose(d: NotificationDelivery): Promise<Composed | null> {
    const em = this.em.fork();
    const reminder = await em.findOne(TestMarkReminder, d.eventId);
    if (!reminder) return null;
    const user = await em.findOne(User, d.userId);
    if (!user?.active || reminder.teacherId !== d.userId) return { suppress: 'inactive' };
    if (!user.email) return { suppress: 'no-contact' };
    const ids = reminder.lessonIds;
    const tests = (await em.getConnection().execute(
      `select l.date, l.subject, g.id as group_id, g.name as group_name, ${MISSING_TEST_MARKS} as missing
         from lesson l join school_group g on g.id = l.group_id
        where l.teacher_id = ? and l.id in (${ids.map(() => '?').join(', ')})
        order by l.date, g.name, l.subject`,
      [d.userId, ...ids],
    )) as { date: string; subject: string; group_id: string; group_name: string; missing: number | string }[];
    const open = tests.filter((t) => Number(t.missing) > 0);
    if (!open.length) return { suppress: 'done' };
    const { email } = this.templates.render('test-mark-reminder', user.language, {
      tests: open.map((t) => ({ group: t.group_name, groupId: t.group_id, subject: t.subject, date: t.date, missing: Number(t.missing) })),
    });
    return { mail: { to: user.email, ...email } };
  }
}
