import type { Catalogue } from '../template-definitions';

const childrenNote = '{childCount, plural, =0 {} one { It concerns {children}.} other { It concerns {children}.}}';

/** English. SMS texts keep to GSM-7 characters (straight quotes) so they stay 160 per segment. */
export const en: Catalogue = {
  layout: {
    preferences: 'Notification preferences',
    footer: 'You receive this e-mail because you use {app}. Choose which notifications you get, and how:',
  },
  messages: {
    'password-sms': {
      sms: 'Hello {name}! {institution} registered you in the school mail.\nUsername: {username}\nPassword: {password}\n{link}',
    },
    'message-alert': {
      subject: 'New message from {sender}: {subject}',
      body: `{sender} ({institution}) sent you the message “{subject}”.${childrenNote}`,
      action: 'Open the message',
      sms: '{institution}: new message from {sender}: "{subject}" {link}',
    },
    'urgent-alert': {
      subject: 'URGENT: {subject} ({sender})',
      body: `{sender} ({institution}) sent you the urgent message “{subject}”.${childrenNote}`,
      action: 'Open the message',
      sms: 'URGENT {institution}: {sender}: "{subject}" {link}',
    },
    'ack-reminder': {
      subject: 'Please confirm: {subject}',
      body: '{institution} asks you to confirm by {deadline} that you have read the message “{subject}”.',
      action: 'Read and confirm',
      sms: '{institution}: please confirm the message "{subject}" by {deadline}. {link}',
    },
    'ack-overdue': {
      subject: '{count, plural, one {# recipient has} other {# recipients have}} not confirmed “{subject}”',
      body: 'The deadline to confirm “{subject}” has passed. {count, plural, one {# recipient has not confirmed:} other {# recipients have not confirmed:}}',
      item: '{name}',
      action: 'See the confirmations',
    },
    digest: {
      subject: '{count, plural, one {You have # unread message} other {You have # unread messages}}',
      body: '{count, plural, one {You have # unread message in the school mail:} other {You have # unread messages in the school mail:}}',
      item: '{subject} ({sender})',
      action: 'Open the school mail',
    },
    'absence-confirmation': {
      subject: 'Absence reported: {child}',
      body: 'Hello {name}! {institution} has your notice that {child} is absent {until, select, open {from {from} until further notice} other {from {from} to {until}}}.\n\nMeals are cancelled as far as the cut-off times allow; the journal shows each day.',
      action: 'Open the journal',
      sms: '{institution}: absence of {child} {until, select, open {from {from}} other {{from}–{until}}} received. {link}',
    },
    'meal-report': {
      subject: '{kind, select, final {Final meal numbers} other {Meal order}} {date}: {institution}',
      body: '{kind, select, final {The final numbers for {date} after the morning corrections.} other {The meal order for {date}.}} Totals: {totals}.{change, select, none {} other {\n\nChange since the order: {change}.}}\n\nThe table is attached as CSV as well.',
      action: 'Open the meal counts',
      sms: '{institution} {date}{kind, select, final { final} other {}}: {totals}{change, select, none {} other { (change: {change})}}',
    },
    'mark-alert': {
      subject: '{self, select, yes {New mark} other {New mark for {child}}} in {subject}',
      body: '{self, select, yes {You have} other {{child} has}} {count, plural, one {a new or corrected mark} other {# new or corrected marks}} in {subject} ({institution}):',
      item: '{date}{kind, select, test { (test)} semester { (semester mark)} year { (year mark)} other {}}: {value, select, none {not assessed} pass {passed} fail {not passed} other {{value}}}',
      action: 'Open the marks',
      sms: '{institution}: {self, select, yes {you have} other {{child} has}} {count, plural, one {a new mark} other {# new marks}} in {subject}. {link}',
    },
    'lesson-reminder': {
      subject: '{count, plural, one {# lesson} other {# lessons}} of {day} without a topic or attendance',
      body: '{rule, select, two {Interest education enters topics and absences within two working days; today is the last day for these.} other {Please enter the topic and attendance by 18:00.}} {count, plural, one {This lesson is not complete yet:} other {These # lessons are not complete yet:}}',
      item: '{date} {group}: {subject} ({missing, select, topic {no topic} attendance {no attendance} other {no topic, no attendance}})',
      action: 'Open the journal',
    },
    'person-linked': {
      subject: '{institution} added you as a guardian',
      body: 'Hello {name}! {institution} added you as a guardian in the school mail.\n\nIf you do not know why, please contact the institution.',
      action: 'Open the school mail',
      sms: '{institution} added you as a guardian in the school mail. Not expected? Contact them. {link}',
    },
  },
};
