import type { Catalogue } from '../template-definitions';

const childrenNote =
  '{childCount, plural, =0 {} one { Касается ребёнка: {children}.} few { Касается детей: {children}.} many { Касается детей: {children}.} other { Касается детей: {children}.}}';

/** Russian (plural categories one, few, many, other: 1/21 one, 2–4 few, 5–20 many, fractions other). */
export const ru: Catalogue = {
  layout: {
    preferences: 'Настройки уведомлений',
    footer: 'Вы получили это письмо, потому что пользуетесь {app}. Какие уведомления и как получать, можно выбрать здесь:',
  },
  messages: {
    'password-sms': {
      sms: 'Здравствуйте, {name}! {institution} зарегистрировало вас в школьной почте.\nЛогин: {username}\nПароль: {password}\n{link}',
    },
    'message-alert': {
      subject: 'Новое сообщение от {sender}: {subject}',
      body: `{sender} ({institution}) отправил(а) вам сообщение «{subject}».${childrenNote}`,
      action: 'Открыть сообщение',
      sms: '{institution}: новое сообщение от {sender}: «{subject}» {link}',
    },
    'urgent-alert': {
      subject: 'СРОЧНО: {subject} ({sender})',
      body: `{sender} ({institution}) отправил(а) вам срочное сообщение «{subject}».${childrenNote}`,
      action: 'Открыть сообщение',
      sms: 'СРОЧНО {institution}: {sender}: «{subject}» {link}',
    },
    'ack-reminder': {
      subject: 'Пожалуйста, подтвердите: {subject}',
      body: '{institution} просит до {deadline} подтвердить, что вы прочитали сообщение «{subject}».',
      action: 'Прочитать и подтвердить',
      sms: '{institution}: подтвердите, пожалуйста, до {deadline} сообщение «{subject}». {link}',
    },
    'ack-overdue': {
      subject:
        '{count, plural, one {# получатель не подтвердил} few {# получателя не подтвердили} many {# получателей не подтвердили} other {# получателя не подтвердили}} «{subject}»',
      body: 'Срок подтверждения сообщения «{subject}» истёк. {count, plural, one {Не подтвердил # получатель:} few {Не подтвердили # получателя:} many {Не подтвердили # получателей:} other {Не подтвердили # получателя:}}',
      item: '{name}',
      action: 'Посмотреть подтверждения',
    },
    digest: {
      subject:
        '{count, plural, one {У вас # непрочитанное сообщение} few {У вас # непрочитанных сообщения} many {У вас # непрочитанных сообщений} other {У вас # непрочитанного сообщения}}',
      body: '{count, plural, one {В школьной почте # непрочитанное сообщение:} few {В школьной почте # непрочитанных сообщения:} many {В школьной почте # непрочитанных сообщений:} other {В школьной почте # непрочитанного сообщения:}}',
      item: '{subject} ({sender})',
      action: 'Открыть школьную почту',
    },
    'absence-confirmation': {
      subject: 'Сообщение об отсутствии: {child}',
      body: 'Здравствуйте, {name}! {institution} получило ваше сообщение, что {child} будет отсутствовать {until, select, open {с {from} до дальнейшего уведомления} other {с {from} по {until}}}.\n\nПитание отменяется, насколько позволяют сроки подачи; каждый день виден в журнале.',
      action: 'Открыть журнал',
      sms: '{institution}: сообщение об отсутствии {child} {until, select, open {с {from}} other {{from}–{until}}} получено. {link}',
    },
    'meal-report': {
      subject: '{kind, select, final {Окончательное число порций} other {Заказ питания}} {date}: {institution}',
      body: '{kind, select, final {Окончательные числа на {date} после утренних исправлений.} other {Заказ питания на {date}.}} Итого: {totals}.{change, select, none {} other {\n\nИзменение после заказа: {change}.}}\n\nТаблица также приложена в формате CSV.',
      action: 'Открыть число порций',
      sms: '{institution} {date}{kind, select, final { итог} other {}}: {totals}{change, select, none {} other { (изменение: {change})}}',
    },
    'mark-alert': {
      subject: '{self, select, yes {Новая оценка} other {Новая оценка: {child}}} – {subject}',
      body: '{self, select, yes {Вам:} other {{child}:}} {count, plural, one {# новая или исправленная оценка} few {# новые или исправленные оценки} many {# новых или исправленных оценок} other {# новой или исправленной оценки}} по предмету {subject} ({institution}):',
      item: '{date}{kind, select, test { (контрольная работа)} semester { (оценка за семестр)} year { (годовая оценка)} other {}}: {value, select, none {не оценено} pass {зачтено} fail {не зачтено} other {{value}}}',
      action: 'Открыть оценки',
      sms: '{institution}: {self, select, yes {вам:} other {{child}:}} {count, plural, one {# новая оценка} few {# новые оценки} many {# новых оценок} other {# новой оценки}} – {subject}. {link}',
    },
    'lesson-reminder': {
      subject: '{day}: {count, plural, one {# урок} few {# урока} many {# уроков} other {# урока}} без темы или посещаемости',
      body: '{rule, select, two {В кружках темы и пропуски вносятся в течение двух рабочих дней; для этих занятий сегодня последний день.} other {Пожалуйста, внесите тему и посещаемость до 18:00.}} {count, plural, one {В этом уроке ещё не хватает записей:} few {В этих # уроках ещё не хватает записей:} many {В этих # уроках ещё не хватает записей:} other {В этих # урока ещё не хватает записей:}}',
      item: '{date} {group}: {subject} ({missing, select, topic {нет темы} attendance {нет посещаемости} other {нет темы и посещаемости}})',
      action: 'Открыть журнал',
    },
    'person-linked': {
      subject: '{institution} добавило вас как законного представителя',
      body: 'Здравствуйте, {name}! {institution} добавило вас в школьной почте как законного представителя ребёнка.\n\nЕсли вы не знаете почему, пожалуйста, свяжитесь с учреждением.',
      action: 'Открыть школьную почту',
      sms: '{institution} добавило вас в школьной почте как законного представителя. Если это неожиданно, свяжитесь с ними. {link}',
    },
  },
};
