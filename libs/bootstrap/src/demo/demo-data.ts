import type { EntityManager } from '@mikro-orm/core';
import type { PasswordService } from '@app/auth/passwords/password.service';
import { usernameBase } from '@app/directory/contacts';
import { GroupMeals, StudentDiet, type Diet } from '@app/attendance/entities';
import { Lesson, Mark } from '@app/gradebook/entities';
import { CalendarService } from '@app/platform/time/calendar.service';
import { FixedClock } from '@app/platform/time/clock';
import { Message, MessageRecipient } from '@app/post';
import {
  Enrolment,
  Group,
  Guardianship,
  Institution,
  InstitutionClosure,
  RoleAssignment,
  ROLES,
  StaffAssignment,
  User,
  type GroupKind,
  type GuardianRelation,
  type InstitutionKind,
  type Language,
  type Role,
  type StaffAssignmentKind,
} from '@app/directory/entities';

/**
 * Demo data for an empty database: the three institutions of `shared/seeds/` with groups, staff,
 * students and their guardians. Everything is deterministic (a seeded PRNG, no Math.random), so the
 * README can list the demo logins. Only the demo logins get a password; everyone else has none and
 * must be issued one by an administrator.
 */

export interface DemoAccount {
  institution: string;
  institutionId: string;
  role: Role;
  username: string;
  password: string;
  /** For a teacher the groups they teach, for a guardian their children's groups, for a student their own; else []. */
  groupIds: string[];
}

export interface DemoDataDeps {
  passwords: PasswordService;
  /** Riga-local date (CalendarService.today()); decides the school year. */
  today: string;
  /** createdAt of every row (CalendarService.now()). */
  now: Date;
}

/** Hashes (argon2id) run this many at a time: enough for 2 cores, and the libuv pool has 4 threads. */
const HASH_CONCURRENCY = 4;

/** Returns null and writes nothing when any Institution exists; otherwise seeds in one transaction. */
export async function seedDemoData(em: EntityManager, deps: DemoDataDeps): Promise<DemoAccount[] | null> {
  if ((await em.fork().count(Institution, {})) > 0) return null;

  const plan = new DemoBuilder(deps.today, deps.now).build();

  // Hash outside the transaction so it is not held open for the CPU-bound part.
  const hashes = await mapLimit(plan.demo, HASH_CONCURRENCY, (d) => deps.passwords.hash(d.password));
  plan.demo.forEach((d, i) => {
    d.user.passwordHash = hashes[i];
    d.user.mustChangePassword = false;
    d.user.passwordChangedAt = deps.now;
  });

  return em.transactional(async (tx) => {
    // Re-check inside the transaction: another instance may have seeded meanwhile.
    if ((await tx.count(Institution, {})) > 0) return null;
    tx.persist(plan.entities);
    await tx.flush();
    return plan.demo.map((d) => ({
      institution: d.institution.name,
      institutionId: d.institution.id,
      role: d.role,
      username: d.user.username,
      password: d.password,
      groupIds: d.groups.map((g) => g.id),
    }));
  });
}

/** `today` (YYYY-MM-DD) → the school year it falls in, September to August: '2026-10-01' → '2026/2027'. */
export function schoolYearOf(today: string): string {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(today);
  if (!m) throw new RangeError(`schoolYearOf: "${today}" is not YYYY-MM-DD`);
  const year = Number(m[1]);
  const start = Number(m[2]) >= 9 ? year : year - 1;
  return `${start}/${start + 1}`;
}

// ---------------------------------------------------------------------------------------------
// Demo passwords: 3 Latvian words and a number, e.g. "Ziema-Sniegs-42-Rudens". Derived from the
// username alone, so they do not change when the rest of the data does. No diacritics, so they
// can be typed on any keyboard; none is a common dictionary word, a name or in LOCAL_WORDS.
// ---------------------------------------------------------------------------------------------

const PASSWORD_WORDS = [
  'Ziema', 'Sniegs', 'Rudens', 'Lietus', 'Vasara', 'Pavasaris', 'Ezers', 'Migla',
  'Vilnis', 'Zvaigzne', 'Dzintars', 'Dzenis', 'Lapsa', 'Stirna', 'Ezis', 'Gulbis',
  'Briedis', 'Vanags', 'Kamene', 'Varde', 'Avots', 'Laiva', 'Bura', 'Maize',
  'Medus', 'Ogas', 'Putns', 'Zieds', 'Akmens', 'Krasts', 'Kaija', 'Debesis',
] as const;

/** The demo password of a username; the same on every run. */
export function demoPassword(username: string): string {
  const rng = new Rng(fnv1a(`skolas-pasts demo ${username}`));
  const words: string[] = [];
  while (words.length < 3) {
    const w = rng.pick(PASSWORD_WORDS);
    if (!words.includes(w)) words.push(w);
  }
  const n = 10 + rng.int(90);
  return `${words[0]}-${words[1]}-${n}-${words[2]}`;
}

// ---------------------------------------------------------------------------------------------
// Names (Latvian spelling, as in Latvian registers: Russian surnames take -s / -a).
// ---------------------------------------------------------------------------------------------

export type Ethnic = 'lv' | 'ru';
type Gender = 'm' | 'f';
/** [masculine, feminine] */
export type Surname = readonly [string, string];

/** Exported for tests: a child's surname is the masculine or feminine form of a guardian's. */
export const SURNAMES: Record<Ethnic, readonly Surname[]> = {
  lv: [
    ['Bērziņš', 'Bērziņa'], ['Kalniņš', 'Kalniņa'], ['Ozols', 'Ozola'], ['Jansons', 'Jansone'],
    ['Liepiņš', 'Liepiņa'], ['Krūmiņš', 'Krūmiņa'], ['Balodis', 'Balode'], ['Zariņš', 'Zariņa'],
    ['Pētersons', 'Pētersone'], ['Vītols', 'Vītola'], ['Kļaviņš', 'Kļaviņa'], ['Ozoliņš', 'Ozoliņa'],
    ['Eglītis', 'Eglīte'], ['Lapiņš', 'Lapiņa'], ['Siliņš', 'Siliņa'], ['Grīnbergs', 'Grīnberga'],
    ['Kārkliņš', 'Kārkliņa'], ['Vilks', 'Vilka'], ['Zvirbulis', 'Zvirbule'], ['Sproģis', 'Sproģe'],
    ['Līcis', 'Līce'], ['Strazds', 'Strazda'], ['Dombrovskis', 'Dombrovska'], ['Gailītis', 'Gailīte'],
    ['Rozenbergs', 'Rozenberga'], ['Leitis', 'Leite'], ['Kalns', 'Kalna'], ['Avotiņš', 'Avotiņa'],
  ],
  ru: [
    ['Ivanovs', 'Ivanova'], ['Petrovs', 'Petrova'], ['Smirnovs', 'Smirnova'], ['Kuzņecovs', 'Kuzņecova'],
    ['Popovs', 'Popova'], ['Vasiļjevs', 'Vasiļjeva'], ['Sokolovs', 'Sokolova'], ['Mihailovs', 'Mihailova'],
    ['Novikovs', 'Novikova'], ['Fjodorovs', 'Fjodorova'], ['Morozovs', 'Morozova'], ['Volkovs', 'Volkova'],
    ['Aleksejevs', 'Aleksejeva'], ['Lebedevs', 'Lebedeva'], ['Semjonovs', 'Semjonova'], ['Jegorovs', 'Jegorova'],
    ['Pavlovs', 'Pavlova'], ['Kozlovs', 'Kozlova'], ['Stepanovs', 'Stepanova'], ['Nikolajevs', 'Nikolajeva'],
    ['Orlovs', 'Orlova'], ['Andrejevs', 'Andrejeva'], ['Makarovs', 'Makarova'], ['Zaicevs', 'Zaiceva'],
  ],
};

const ADULT_NAMES: Record<Ethnic, Record<Gender, readonly string[]>> = {
  lv: {
    m: ['Jānis', 'Andris', 'Mārtiņš', 'Edgars', 'Raivis', 'Gints', 'Uldis', 'Aivars', 'Normunds', 'Kaspars',
      'Guntis', 'Valdis', 'Ivars', 'Armands', 'Māris', 'Agris', 'Ainārs', 'Juris', 'Kristaps', 'Artūrs'],
    f: ['Ilze', 'Inese', 'Līga', 'Kristīne', 'Dace', 'Sanita', 'Evija', 'Agnese', 'Zane', 'Ieva', 'Linda',
      'Santa', 'Baiba', 'Gunta', 'Ilona', 'Laura', 'Anda', 'Signe', 'Jolanta', 'Iveta'],
  },
  ru: {
    m: ['Aleksandrs', 'Sergejs', 'Dmitrijs', 'Andrejs', 'Vladimirs', 'Jevgeņijs', 'Igors', 'Olegs', 'Deniss',
      'Vitālijs', 'Aleksejs', 'Romāns', 'Vadims', 'Konstantīns', 'Pāvels', 'Artūrs', 'Maksims', 'Jurijs'],
    f: ['Jeļena', 'Olga', 'Tatjana', 'Natālija', 'Irina', 'Svetlana', 'Marina', 'Jūlija', 'Oksana', 'Ludmila',
      'Inna', 'Anastasija', 'Jekaterina', 'Kristina', 'Aļona', 'Viktorija', 'Ņina', 'Larisa'],
  },
};

const GRANDMOTHER_NAMES: Record<Ethnic, readonly string[]> = {
  lv: ['Anita', 'Rūta', 'Vija', 'Maija', 'Biruta', 'Skaidrīte', 'Dzintra', 'Aina'],
  ru: ['Gaļina', 'Valentīna', 'Ludmila', 'Tamāra', 'Nadežda', 'Ņina', 'Lidija', 'Vera'],
};

const CHILD_NAMES: Record<Ethnic, Record<Gender, readonly string[]>> = {
  lv: {
    m: ['Roberts', 'Toms', 'Dāvis', 'Kārlis', 'Rihards', 'Emīls', 'Ralfs', 'Markuss', 'Gustavs', 'Olivers',
      'Oskars', 'Valters', 'Matīss', 'Reinis', 'Kristaps', 'Artūrs', 'Niks', 'Adrians', 'Eduards', 'Teodors'],
    f: ['Anna', 'Elīza', 'Sofija', 'Alise', 'Marta', 'Emīlija', 'Paula', 'Katrīna', 'Amēlija', 'Luīze', 'Keita',
      'Estere', 'Elza', 'Una', 'Madara', 'Laura', 'Rēzija', 'Evelīna', 'Marija', 'Adele'],
  },
  ru: {
    m: ['Maksims', 'Artjoms', 'Daniils', 'Kirils', 'Ivans', 'Ņikita', 'Mihails', 'Matvejs', 'Timofejs', 'Jegors',
      'Marks', 'Leons', 'Aleksandrs', 'Dmitrijs', 'Gļebs', 'Arsenijs'],
    f: ['Sofija', 'Anastasija', 'Darja', 'Viktorija', 'Polina', 'Alīna', 'Arina', 'Varvara', 'Uļjana', 'Milana',
      'Veronika', 'Jeva', 'Alisa', 'Kira', 'Vasilisa', 'Diāna'],
  },
};

const MOBILE_PREFIXES = ['20', '21', '22', '24', '25', '26', '27', '28', '29'] as const;

const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'] as const;

// ---------------------------------------------------------------------------------------------
// The plan, built in memory; persisted in one flush.
// ---------------------------------------------------------------------------------------------

interface DemoLogin {
  institution: Institution;
  role: Role;
  user: User;
  password: string;
  groups: Group[];
}

interface Plan {
  entities: object[];
  demo: DemoLogin[];
}

interface Family {
  ethnic: Ethnic;
  language: Language;
  guardians: { user: User; relation: GuardianRelation }[];
  /** The children's surname: matches the mother's or the father's. */
  childSurname: Surname;
  children: User[];
}

interface FamilyOptions {
  ethnic?: Ethnic;
  composition?: 'both' | 'mother' | 'father' | 'mother+other';
  /** Username for the first guardian listed (the mother, or the father when there is none). */
  demoGuardian?: string;
}

type Region = 'daugavpils' | 'ventspils';

const RU_SHARE: Record<Region, number> = { daugavpils: 0.5, ventspils: 0.2 };

class DemoBuilder {
  private readonly rng = new Rng(0x5ca1ab1e);
  private readonly schoolYear: string;
  private readonly fromDate: string;
  private readonly endYear: number;

  private readonly usernames = new Set<string>();
  private readonly phones = new Set<string>();
  private readonly roleKeys = new Set<string>();
  private readonly staffNames = new Set<string>();
  private readonly entities: object[] = [];
  private readonly groupSize = new Map<Group, number>();
  private readonly studentGroups = new Map<User, Group[]>();
  private readonly teaches = new Map<User, Group[]>();
  private readonly demo: DemoLogin[] = [];
  private readonly guardiansOf = new Map<User, User[]>();

  constructor(
    private readonly today: string,
    private readonly now: Date,
  ) {
    this.schoolYear = schoolYearOf(today);
    const start = Number(this.schoolYear.slice(0, 4));
    this.fromDate = `${start}-09-01`;
    this.endYear = start + 1;
  }

  build(): Plan {
    // --- Daugavpils 12. PII (seed 000) -------------------------------------------------------
    const pii = this.institution('Daugavpils 12. pirmsskolas izglītības iestāde', 'preschool');
    const [saulite, zvanins, lacitis, tauretitis] = ['Saulīte', 'Zvaniņš', 'Lācītis', 'Taurenītis'].map((n) =>
      this.group(pii, n, 'preschool_group'),
    );
    const piiGroups = [saulite, zvanins, lacitis, tauretitis];
    this.closure(pii, `${this.endYear}-07-01`, `${this.endYear}-07-31`, 'Vasaras remontdarbi, iestāde slēgta');
    this.demoStaff(pii, 'pii', 'head', 'daugavpils');
    this.demoStaff(pii, 'pii', 'deputy_head', 'daugavpils');
    this.demoStaff(pii, 'pii', 'admin', 'daugavpils');
    this.demoStaff(pii, 'pii', 'nurse', 'daugavpils');
    this.demoStaff(pii, 'pii', 'kitchen', 'daugavpils');
    const piiTeacher = this.demoStaff(pii, 'pii', 'teacher', 'daugavpils');
    this.assign(piiTeacher, zvanins, 'class_teacher');
    for (const g of [saulite, saulite, lacitis, tauretitis]) this.assign(this.staff(pii, 'teacher', 'daugavpils'), g, 'class_teacher');
    const therapist = this.demoStaff(pii, 'pii', 'speech_therapist', 'daugavpils');
    this.assign(therapist, zvanins, 'speech_therapist');
    this.assign(therapist, lacitis, 'speech_therapist');

    // --- Daugavpils Valsts ģimnāzija (seed 001) -----------------------------------------------
    const gym = this.institution('Daugavpils Valsts ģimnāzija', 'school');
    const classes = ['7.a', '8.a', '9.a', '10.a', '11.a', '12.a'].map((n) => this.group(gym, n, 'class'));
    const [c7, c8, c9, c10, c11, c12] = classes;
    this.demoStaff(gym, 'gym', 'head', 'daugavpils');
    this.demoStaff(gym, 'gym', 'deputy_head', 'daugavpils');
    this.demoStaff(gym, 'gym', 'admin', 'daugavpils');
    this.demoStaff(gym, 'gym', 'nurse', 'daugavpils');
    const gymTeacher = this.demoStaff(gym, 'gym', 'teacher', 'daugavpils');
    this.assign(gymTeacher, c9, 'class_teacher');
    this.assign(gymTeacher, c10, 'teacher');
    for (const c of [c7, c8, c10, c11, c12]) this.assign(this.staff(gym, 'teacher', 'daugavpils'), c, 'class_teacher');
    // Subject teachers: mathematics, English, Latvian, physics.
    for (const taught of [[c7, c8, c9], [c9, c10, c11, c12], [c7, c8, c10, c11], [c9, c10, c11, c12]]) {
      const t = this.staff(gym, 'teacher', 'daugavpils');
      for (const c of taught) this.assign(t, c, 'teacher');
    }

    // --- Ventspils Jaunrades nams (seed 002) --------------------------------------------------
    const jn = this.institution('Ventspils Jaunrades nams', 'interest');
    const programmes = ['Robotika', 'Keramika', 'Tautas dejas', 'Vokālais ansamblis', 'Vizuālā māksla'].map((n) =>
      this.group(jn, n, 'programme'),
    );
    const robotika = programmes[0];
    this.demoStaff(jn, 'jn', 'head', 'ventspils');
    this.demoStaff(jn, 'jn', 'deputy_head', 'ventspils');
    this.demoStaff(jn, 'jn', 'admin', 'ventspils');
    const jnTeacher = this.demoStaff(jn, 'jn', 'teacher', 'ventspils');
    this.assign(jnTeacher, robotika, 'class_teacher');
    for (const p of programmes.slice(1)) this.assign(this.staff(jn, 'teacher', 'ventspils'), p, 'class_teacher');

    const piiTargets = new Map(piiGroups.map((g, i) => [g, [20, 21, 19, 20][i]]));
    const gymTargets = new Map(classes.map((g, i) => [g, [25, 24, 26, 25, 25, 25][i]]));
    const jnTargets = new Map(programmes.map((g, i) => [g, [12, 13, 11, 12, 12][i]]));
    const open = (targets: Map<Group, number>) => [...targets].filter(([g, n]) => this.size(g) < n).map(([g]) => g);

    // --- Demo families -------------------------------------------------------------------------
    // Pre-school guardian with a child in Zvaniņš and an older one in 9.a.
    const piiFamily = this.family('daugavpils', { ethnic: 'lv', composition: 'both', demoGuardian: 'demo.pii.guardian' });
    this.addChild(piiFamily, zvanins);
    this.addChild(piiFamily, c9);
    this.demoLogin(pii, 'guardian', piiFamily.guardians[0].user, this.childGroups(piiFamily));
    // Gymnasium guardian and their child, the demo student, in 9.a.
    const gymFamily = this.family('daugavpils', { ethnic: 'lv', composition: 'both', demoGuardian: 'demo.gym.guardian' });
    const gymStudent = this.addChild(gymFamily, c9, 'demo.gym.student');
    this.demoLogin(gym, 'guardian', gymFamily.guardians[0].user, this.childGroups(gymFamily));
    this.demoLogin(gym, 'student', gymStudent, this.studentGroups.get(gymStudent)!);
    // Ventspils guardian and their child, the demo student, in Robotika.
    const jnFamily = this.family('ventspils', { ethnic: 'lv', composition: 'mother', demoGuardian: 'demo.jn.guardian' });
    const jnStudent = this.addChild(jnFamily, robotika, 'demo.jn.student');
    this.demoLogin(jn, 'guardian', jnFamily.guardians[0].user, this.childGroups(jnFamily));
    this.demoLogin(jn, 'student', jnStudent, this.studentGroups.get(jnStudent)!);

    // --- Families across two institutions ------------------------------------------------------
    // A pre-school child with an older sibling at the gymnasium.
    for (let i = 0; i < 4; i++) {
      const f = this.family('daugavpils');
      this.addChild(f, this.rng.pick(open(piiTargets)));
      this.addChild(f, this.rng.pick(open(gymTargets)));
    }
    // A gymnasium student who also attends a programme at the Jaunrades nams.
    for (let i = 0; i < 3; i++) {
      const f = this.family('daugavpils');
      const s = this.addChild(f, this.rng.pick(open(gymTargets)));
      this.enrolExisting(f, s, this.rng.pick(open(jnTargets)));
    }

    // --- Everyone else ------------------------------------------------------------------------
    this.fill(piiTargets, 'daugavpils');
    this.fill(gymTargets, 'daugavpils');
    this.fill(jnTargets, 'ventspils');

    // --- Meals: the pre-school serves three a day, the gymnasium lunch; some children eat a diet ---
    for (const g of piiGroups) this.meals(g, { breakfast: true, lunch: true, snack: true });
    for (const c of classes) this.meals(c, { lunch: true });
    for (const [student, groups] of this.studentGroups) {
      if (groups.some((g) => g.institution === pii || g.institution === gym)) this.diet(student);
    }

    // --- The journal: 9.a's last lesson of Latvian with the demo teacher, marked for everyone ------
    // (the demo teacher enters today's marks for the demo families' children themselves: README)
    this.lessonWithMarks(gymTeacher, c9, 'Latviešu valoda', 'Divdabja teiciens un tā atdalīšana', '56. lpp., 4. vingrinājums');

    // --- The post: something in the demo logins' inboxes and sent folders ---------------------
    this.message(piiTeacher, zvanins, 'Rīt pastaiga uz Stropu ezeru', [
      'Rīt pēc brokastīm dosimies pastaigā uz Stropu ezeru.',
      'Lūdzu, ģērbiet bērnus atbilstoši laikapstākļiem un iedodiet līdzi ūdens pudeli.',
    ]);
    this.message(gymTeacher, c9, 'Vecāku sapulce ceturtdien 18:00', [
      'Ceturtdien plkst. 18:00 205. kabinetā notiks 9.a klases vecāku sapulce par eksāmeniem.',
      'Lūdzu, apstipriniet, ka esat saņēmuši šo ziņu.',
    ], true);
    this.message(jnTeacher, robotika, 'Robotikas nodarbība pārcelta', ['Šonedēļ robotikas nodarbība notiks piektdien plkst. 16:00, nevis trešdien.']);

    this.demo.sort(
      (a, b) =>
        this.institutionOrder(a.institution) - this.institutionOrder(b.institution) ||
        ROLES.indexOf(a.role) - ROLES.indexOf(b.role),
    );
    return { entities: this.entities, demo: this.demo };
  }

  // --- Building blocks ---------------------------------------------------------------------------

  private readonly institutions: Institution[] = [];

  private institutionOrder(i: Institution): number {
    return this.institutions.indexOf(i);
  }

  private institution(name: string, kind: InstitutionKind): Institution {
    const i = new Institution();
    i.name = name;
    i.kind = kind;
    i.createdAt = this.now;
    this.institutions.push(i);
    this.entities.push(i);
    return i;
  }

  private group(institution: Institution, name: string, kind: GroupKind): Group {
    const g = new Group();
    g.institution = institution;
    g.name = name;
    g.kind = kind;
    g.schoolYear = this.schoolYear;
    g.createdAt = this.now;
    this.groupSize.set(g, 0);
    this.entities.push(g);
    return g;
  }

  private meals(group: Group, served: Partial<Pick<GroupMeals, 'breakfast' | 'lunch' | 'snack'>>): void {
    const m = new GroupMeals();
    m.group = group;
    Object.assign(m, { breakfast: false, lunch: false, snack: false, ...served });
    this.entities.push(m);
  }

  /**
   * About one child in eight eats a diet. Chosen by a hash of the username, not the shared PRNG, so
   * adding diets does not reshuffle everyone else's names and groups.
   */
  private diet(student: User): void {
    const n = fnv1a(`diet:${student.username}`) % 100;
    const diet: Diet | null = n < 5 ? 'vegetarian' : n < 9 ? 'lactose_free' : n < 11 ? 'gluten_free' : n < 12 ? 'other' : null;
    if (!diet) return;
    const d = new StudentDiet();
    d.student = student;
    d.diet = diet;
    d.note = diet === 'other' ? 'Bez riekstiem (alerģija)' : null;
    this.entities.push(d);
  }

  private closure(institution: Institution, fromDate: string, toDate: string, reason: string): void {
    const c = new InstitutionClosure();
    c.institution = institution;
    c.fromDate = fromDate;
    c.toDate = toDate;
    c.reason = reason;
    c.createdAt = this.now;
    this.entities.push(c);
  }

  private user(p: {
    givenName: string;
    familyName: string;
    language?: Language;
    phone?: string | null;
    email?: string | null;
    username?: string;
  }): User {
    const u = new User();
    u.username = p.username ?? this.uniqueUsername(usernameBase(p.givenName, p.familyName));
    if (p.username) {
      if (this.usernames.has(p.username)) throw new Error(`demo data: duplicate username ${p.username}`);
      this.usernames.add(p.username);
    }
    u.givenName = p.givenName;
    u.familyName = p.familyName;
    u.language = p.language ?? 'lv';
    u.phone = p.phone ?? null;
    u.email = p.email ?? null;
    u.passwordHash = null;
    u.mustChangePassword = true;
    u.createdAt = this.now;
    u.updatedAt = this.now;
    this.entities.push(u);
    return u;
  }

  private uniqueUsername(base: string): string {
    let name = base;
    for (let n = 2; this.usernames.has(name); n++) name = `${base}${n}`;
    this.usernames.add(name);
    return name;
  }

  private ensureRole(user: User, institution: Institution, role: Role): void {
    const key = `${user.id}|${institution.id}|${role}`;
    if (this.roleKeys.has(key)) return;
    this.roleKeys.add(key);
    const r = new RoleAssignment();
    r.user = user;
    r.institution = institution;
    r.role = role;
    r.active = true;
    r.endedAt = null;
    r.createdAt = this.now;
    this.entities.push(r);
  }

  private assign(staff: User, group: Group, kind: StaffAssignmentKind): void {
    const a = new StaffAssignment();
    a.staff = staff;
    a.group = group;
    a.kind = kind;
    a.createdAt = this.now;
    this.entities.push(a);
    const list = this.teaches.get(staff) ?? [];
    if (!list.includes(group)) list.push(group);
    this.teaches.set(staff, list);
  }

  private enrol(student: User, group: Group): void {
    const e = new Enrolment();
    e.student = student;
    e.group = group;
    e.fromDate = this.fromDate;
    e.toDate = null;
    e.createdAt = this.now;
    this.entities.push(e);
    this.groupSize.set(group, this.size(group) + 1);
    this.studentGroups.set(student, [...(this.studentGroups.get(student) ?? []), group]);
    this.ensureRole(student, group.institution, 'student');
  }

  private size(group: Group): number {
    return this.groupSize.get(group) ?? 0;
  }

  /** A staff member's name, never the same as a colleague's. */
  private staffName(region: Region): { givenName: string; familyName: string } {
    for (;;) {
      const e: Ethnic = this.rng.chance(RU_SHARE[region] * 0.7) ? 'ru' : 'lv';
      const gender: Gender = this.rng.chance(0.8) ? 'f' : 'm'; // most teachers in Latvia are women
      const name = {
        givenName: this.rng.pick(ADULT_NAMES[e][gender]),
        familyName: this.rng.pick(SURNAMES[e])[gender === 'm' ? 0 : 1],
      };
      const key = `${name.givenName} ${name.familyName}`;
      if (!this.staffNames.has(key)) {
        this.staffNames.add(key);
        return name;
      }
    }
  }

  private staffEmail(institution: Institution, username: string): string {
    const domain = institution.kind === 'preschool' ? 'pii12' : institution.kind === 'school' ? 'dvg' : 'jaunrades';
    return `${username}@${domain}.example.com`;
  }

  private staff(institution: Institution, role: Role, region: Region, username?: string): User {
    const name = this.staffName(region);
    const u = this.user({ ...name, username });
    u.email = this.staffEmail(institution, u.username);
    this.ensureRole(u, institution, role);
    return u;
  }

  /** A staff demo login: `demo.<prefix>.<role with _ → .>`, e.g. demo.pii.speech.therapist. */
  private demoStaff(institution: Institution, prefix: string, role: Role, region: Region): User {
    const u = this.staff(institution, role, region, `demo.${prefix}.${role.replace(/_/g, '.')}`);
    // Groups are filled in later for teachers and therapists: the list is shared by reference.
    const groups: Group[] = [];
    this.teaches.set(u, groups);
    this.demoLogin(institution, role, u, role === 'teacher' || role === 'speech_therapist' ? groups : []);
    return u;
  }

  private demoLogin(institution: Institution, role: Role, user: User, groups: Group[]): void {
    this.demo.push({ institution, role, user, password: demoPassword(user.username), groups });
  }

  private mobile(): string {
    for (;;) {
      // 2x xxx xxx, avoiding 23, which is only partly allocated to mobile networks.
      let digits = this.rng.pick(MOBILE_PREFIXES);
      for (let i = 0; i < 6; i++) digits += String(this.rng.int(10));
      const phone = `+371${digits}`;
      if (!this.phones.has(phone)) {
        this.phones.add(phone);
        return phone;
      }
    }
  }

  private family(region: Region, opts: FamilyOptions = {}): Family {
    const rng = this.rng;
    const ethnic: Ethnic = opts.ethnic ?? (rng.chance(RU_SHARE[region]) ? 'ru' : 'lv');
    const language: Language = ethnic === 'ru' && rng.chance(0.8) ? 'ru' : 'lv';
    const r = rng.next();
    const composition =
      opts.composition ?? (r < 0.55 ? 'both' : r < 0.8 ? 'mother' : r < 0.88 ? 'father' : 'mother+other');
    const surname = rng.pick(SURNAMES[ethnic]);
    // Now and then the mother kept her own surname; the children then carry the father's.
    const motherSurname = composition === 'both' && rng.chance(0.1) ? rng.pick(SURNAMES[ethnic]) : surname;

    const members: { givenName: string; familyName: string; relation: GuardianRelation }[] = [];
    if (composition !== 'father') {
      members.push({ givenName: rng.pick(ADULT_NAMES[ethnic].f), familyName: motherSurname[1], relation: 'mother' });
    }
    if (composition === 'both' || composition === 'father') {
      members.push({ givenName: rng.pick(ADULT_NAMES[ethnic].m), familyName: surname[0], relation: 'father' });
    }
    if (composition === 'mother+other') {
      // A grandmother, sometimes with a surname of her own.
      const own = rng.chance(0.5) ? surname : rng.pick(SURNAMES[ethnic]);
      members.push({ givenName: rng.pick(GRANDMOTHER_NAMES[ethnic]), familyName: own[1], relation: 'other' });
    }

    const guardians = members.map((m, i) => {
      const demo = i === 0 ? opts.demoGuardian : undefined;
      const u = this.user({
        givenName: m.givenName,
        familyName: m.familyName,
        language: demo ? 'lv' : language,
        phone: demo || rng.chance(0.92) ? this.mobile() : null,
        username: demo,
      });
      if (demo || rng.chance(0.4)) u.email = `${u.username}@${rng.pick(EMAIL_DOMAINS)}`;
      return { user: u, relation: m.relation };
    });
    return { ethnic, language, guardians, childSurname: surname, children: [] };
  }

  /**
   * A message already delivered to the guardians of a group's children (one copy per guardian, naming
   * their children there), as the post would have written it. No alert intents: it is history.
   */
  private message(sender: User, group: Group, subject: string, paragraphs: string[], requiresAck = false): void {
    const copies = new Map<User, string[]>();
    for (const [child, groups] of this.studentGroups) {
      if (!groups.includes(group)) continue;
      for (const guardian of this.guardiansOf.get(child) ?? []) copies.set(guardian, [...(copies.get(guardian) ?? []), child.id]);
    }
    const m = new Message();
    Object.assign(m, {
      institution: group.institution,
      sender,
      subject,
      bodyHtml: paragraphs.map((p) => `<p>${p}</p>`).join(''),
      bodyText: paragraphs.join('\n\n'),
      requiresAck,
      ackScope: requiresAck ? 'one-per-student' : null,
      threadId: m.id,
      audience: { groups: [{ groupId: group.id, audience: 'guardians' }] },
      recipientCount: copies.size,
      createdAt: this.now,
      sentAt: this.now,
    });
    this.entities.push(m);
    for (const [guardian, studentIds] of copies) {
      const r = new MessageRecipient();
      Object.assign(r, { message: m, user: guardian, studentIds, deliveredAt: this.now });
      this.entities.push(r);
    }
  }

  /** A lesson on the last working day before today, with a 1–10 mark for every child of the group; history, so no alerts. */
  private lessonWithMarks(teacher: User, group: Group, subject: string, topic: string, homework: string): void {
    const date = new CalendarService(new FixedClock(this.now)).previousWorkingDay(this.today);
    const lesson = new Lesson();
    Object.assign(lesson, { institution: group.institution, group, subject, date, topic, homework, teacher, createdAt: this.now, updatedAt: this.now });
    this.entities.push(lesson);
    for (const [student, groups] of this.studentGroups) {
      if (!groups.includes(group)) continue;
      const mark = new Mark();
      Object.assign(mark, {
        student,
        institution: group.institution,
        group,
        subject,
        date,
        scale: '1-10',
        value: String(5 + this.rng.int(6)),
        lesson,
        teacher,
        createdAt: this.now,
        updatedAt: this.now,
      });
      this.entities.push(mark);
    }
  }

  private addChild(family: Family, group: Group, username?: string): User {
    const gender: Gender = this.rng.chance(0.5) ? 'm' : 'f';
    const taken = new Set(family.children.map((c) => c.givenName));
    let givenName = this.rng.pick(CHILD_NAMES[family.ethnic][gender]);
    while (taken.has(givenName)) givenName = this.rng.pick(CHILD_NAMES[family.ethnic][gender]);
    const child = this.user({
      givenName,
      familyName: family.childSurname[gender === 'm' ? 0 : 1],
      language: username ? 'lv' : family.language,
      username,
    });
    family.children.push(child);
    this.guardiansOf.set(
      child,
      family.guardians.map((g) => g.user),
    );
    for (const g of family.guardians) {
      const gs = new Guardianship();
      gs.guardian = g.user;
      gs.student = child;
      gs.relation = g.relation;
      gs.createdAt = this.now;
      this.entities.push(gs);
    }
    this.enrolExisting(family, child, group);
    return child;
  }

  /** Enrols a child of the family in a group; the guardians get the guardian role there. */
  private enrolExisting(family: Family, child: User, group: Group): void {
    this.enrol(child, group);
    for (const g of family.guardians) this.ensureRole(g.user, group.institution, 'guardian');
  }

  private childGroups(family: Family): Group[] {
    return family.children.flatMap((c) => this.studentGroups.get(c) ?? []);
  }

  /** Single-child families for every free place; some bring a sibling into another group of the same institution. */
  private fill(targets: Map<Group, number>, region: Region): void {
    const groups = [...targets.keys()];
    for (const group of groups) {
      while (this.size(group) < targets.get(group)!) {
        const f = this.family(region);
        this.addChild(f, group);
        if (this.rng.chance(0.12)) {
          const others = groups.filter((g) => g !== group && this.size(g) < targets.get(g)!);
          if (others.length) this.addChild(f, this.rng.pick(others));
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** mulberry32: small, fast, good enough for demo data; deterministic for a seed. */
class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (const ch of s) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
