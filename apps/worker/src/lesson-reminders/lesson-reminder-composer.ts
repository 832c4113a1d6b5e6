import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { User } from '@app/directory/entities';
import { Lesson, LessonReminder } from '@app/gradebook/entities';
import type { NotificationDelivery } from '@app/notifications/delivery/notification-delivery.entity';
import type { Composed } from '../pipeline/delivery-sender.service';
import { Templates } from '../templates/templates';

/**
 * The teacher's reminder, composed at send time from its row: the lessons it lists that still have no
 * topic or attendance (all completed meanwhile: nothing is sent). Only the teacher's own lessons, no students.
 */
@Injectable()
export class LessonReminderComposer {
  constructor(
    private readonly em: EntityManager,
    private readonly templates: Templates,
  ) {}

  /** The reminder behind this delivery, or null when its event is not one. */
  async compose(d: NotificationDelivery): Promise<Composed | null> {
    const em = this.em.fork();
    const reminder = await em.findOne(LessonReminder, d.eventId);
    if (!reminder) return null;
    const user = await em.findOne(User, d.userId);
    if (!user?.active || reminder.teacherId !== d.userId) return { suppress: 'inactive' };
    if (!user.email) return { suppress: 'no-contact' };
    const lessons = await em.find(
      Lesson,
      { id: { $in: reminder.lessonIds }, teacher: d.userId, $or: [{ topic: null }, { attendanceTakenAt: null }] },
      { populate: ['group', 'institution'], orderBy: { date: 'asc', group: { name: 'asc' }, subject: 'asc', createdAt: 'asc' } },
    );
    if (!lessons.length) return { suppress: 'done' };
    const { email } = this.templates.render('lesson-reminder', user.language, {
      day: reminder.day,
      rule: lessons.every((l) => l.institution.kind === 'interest') ? 'two' : 'today',
      lessons: lessons.map((l) => ({ date: l.date, group: l.group.name, groupId: l.group.id, subject: l.subject, missing: missingOf(l) })),
    });
    return { mail: { to: user.email, ...email } };
  }
}

function missingOf(l: Lesson): 'topic' | 'attendance' | 'both' {
  if (l.topic === null) return l.attendanceTakenAt == null ? 'both' : 'topic';
  return 'attendance';
}
