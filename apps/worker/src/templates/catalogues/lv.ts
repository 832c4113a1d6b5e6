import type { Catalogue } from '../template-definitions';

const childrenNote =
  '{childCount, plural, =0 {} zero { Par bērniem: {children}.} one { Par bērnu: {children}.} other { Par bērniem: {children}.}}';

/** Latvian (plural categories zero, one, other: 10 and 11–19 take "zero", 21 takes "one"). */
export const lv: Catalogue = {
  layout: {
    preferences: 'Paziņojumu iestatījumi',
    footer: 'Jūs saņemat šo e-pastu, jo lietojat {app}. Kādus paziņojumus un kā saņemt, varat izvēlēties šeit:',
  },
  messages: {
    'password-sms': {
      sms: 'Labdien, {name}! {institution} jūs reģistrēja skolas pastā.\nLietotājvārds: {username}\nParole: {password}\n{link}',
    },
    'message-alert': {
      subject: 'Jauna ziņa no {sender}: {subject}',
      body: `{sender} ({institution}) jums nosūtīja ziņu „{subject}”.${childrenNote}`,
      action: 'Atvērt ziņu',
      sms: '{institution}: jauna ziņa no {sender}: „{subject}” {link}',
    },
    'urgent-alert': {
      subject: 'STEIDZAMI: {subject} ({sender})',
      body: `{sender} ({institution}) jums nosūtīja steidzamu ziņu „{subject}”.${childrenNote}`,
      action: 'Atvērt ziņu',
      sms: 'STEIDZAMI {institution}: {sender}: „{subject}” {link}',
    },
    'ack-reminder': {
      subject: 'Lūdzu, apstipriniet: {subject}',
      body: '{institution} lūdz līdz {deadline} apstiprināt, ka esat izlasījis ziņu „{subject}”.',
      action: 'Izlasīt un apstiprināt',
      sms: '{institution}: lūdzu, līdz {deadline} apstipriniet ziņu „{subject}”. {link}',
    },
    'ack-overdue': {
      subject:
        '{count, plural, zero {# adresāti nav apstiprinājuši} one {# adresāts nav apstiprinājis} other {# adresāti nav apstiprinājuši}} „{subject}”',
      body: 'Termiņš apstiprināt ziņu „{subject}” ir beidzies. {count, plural, zero {Nav apstiprinājuši # adresāti:} one {Nav apstiprinājis # adresāts:} other {Nav apstiprinājuši # adresāti:}}',
      item: '{name}',
      action: 'Skatīt apstiprinājumus',
    },
    digest: {
      subject: '{count, plural, zero {Jums ir # nelasītu ziņu} one {Jums ir # nelasīta ziņa} other {Jums ir # nelasītas ziņas}}',
      body: '{count, plural, zero {Skolas pastā jums ir # nelasītu ziņu:} one {Skolas pastā jums ir # nelasīta ziņa:} other {Skolas pastā jums ir # nelasītas ziņas:}}',
      item: '{subject} ({sender})',
      action: 'Atvērt skolas pastu',
    },
    'absence-confirmation': {
      subject: 'Kavējuma pieteikums: {child}',
      body: 'Labdien, {name}! {institution} ir saņēmusi jūsu pieteikumu, ka {child} neapmeklēs iestādi {until, select, open {no {from} līdz turpmākam paziņojumam} other {no {from} līdz {until}}}.\n\nĒdināšana tiek atteikta, cik to ļauj pieteikšanas termiņi; katra diena redzama žurnālā.',
      action: 'Atvērt žurnālu',
      sms: '{institution}: kavējuma pieteikums par {child} {until, select, open {no {from}} other {{from}–{until}}} saņemts. {link}',
    },
    'meal-report': {
      subject: '{kind, select, final {Galīgais ēdināšanas skaits} other {Ēdināšanas pasūtījums}} {date}: {institution}',
      body: '{kind, select, final {Galīgie skaitļi {date} pēc rīta labojumiem.} other {Ēdināšanas pasūtījums {date}.}} Kopā: {totals}.{change, select, none {} other {\n\nIzmaiņas kopš pasūtījuma: {change}.}}\n\nTabula pievienota arī CSV failā.',
      action: 'Atvērt ēdināšanas skaitu',
      sms: '{institution} {date}{kind, select, final { galīgais} other {}}: {totals}{change, select, none {} other { (izmaiņas: {change})}}',
    },
    'mark-alert': {
      subject: '{self, select, yes {Jauns vērtējums} other {Jauns vērtējums: {child}}} – {subject}',
      body: '{self, select, yes {Jums ir} other {{child} ir}} {count, plural, zero {# jauni vai laboti vērtējumi} one {# jauns vai labots vērtējums} other {# jauni vai laboti vērtējumi}} mācību priekšmetā {subject} ({institution}):',
      item: '{date}{kind, select, test { (pārbaudes darbs)} semester { (semestra vērtējums)} year { (gada vērtējums)} other {}}: {value, select, none {nav vērtēts} pass {ieskaitīts} fail {neieskaitīts} other {{value}}}',
      action: 'Atvērt vērtējumus',
      sms: '{institution}: {self, select, yes {jums} other {{child}}} {count, plural, zero {# jauni vērtējumi} one {# jauns vērtējums} other {# jauni vērtējumi}} – {subject}. {link}',
    },
    'lesson-reminder': {
      subject: '{day}: {count, plural, zero {# stundām} one {# stundai} other {# stundām}} nav ierakstīta tēma vai apmeklējums',
      body: '{rule, select, two {Interešu izglītībā tēmas un kavējumus ievada divu darba dienu laikā; šīm nodarbībām šodien ir pēdējā diena.} other {Lūdzu, ierakstiet tēmu un apmeklējumu līdz plkst. 18:00.}} {count, plural, zero {Šīm # stundām vēl trūkst ierakstu:} one {Šai stundai vēl trūkst ierakstu:} other {Šīm # stundām vēl trūkst ierakstu:}}',
      item: '{date} {group}: {subject} ({missing, select, topic {nav tēmas} attendance {nav apmeklējuma} other {nav tēmas un apmeklējuma}})',
      action: 'Atvērt žurnālu',
    },
    'person-linked': {
      subject: '{institution} jūs pievienoja kā aizbildni',
      body: 'Labdien, {name}! {institution} jūs pievienoja skolas pastā kā bērna aizbildni.\n\nJa nezināt, kāpēc, lūdzu, sazinieties ar iestādi.',
      action: 'Atvērt skolas pastu',
      sms: '{institution} jūs pievienoja skolas pastā kā aizbildni. Ja negaidījāt, sazinieties ar iestādi. {link}',
    },
  },
};
