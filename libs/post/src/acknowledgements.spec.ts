import { confirmationsByStudent, stillOwing, type AckCopy } from './acknowledgements';

const at = (minute: number) => new Date(Date.UTC(2026, 9, 14, 7, minute));
const copy = (userId: string, studentIds: string[], ackedAt: Date | null = null): AckCopy => ({ userId, studentIds, ackedAt });
const owing = (...args: Parameters<typeof stillOwing>) => stillOwing(...args).map((c) => c.userId);

describe('stillOwing', () => {
  it('each-recipient: everyone who has not confirmed, whatever the other guardian did', () => {
    const copies = [copy('mother', ['anna'], at(1)), copy('father', ['anna']), copy('teacher', [])];
    expect(owing('each-recipient', copies)).toEqual(['father', 'teacher']);
    expect(owing(null, copies)).toEqual(['father', 'teacher']);
  });

  it('one-per-student: a guardian whose only child was confirmed by the other guardian owes nothing', () => {
    expect(owing('one-per-student', [copy('mother', ['anna'], at(1)), copy('father', ['anna'])])).toEqual([]);
  });

  it('one-per-student: a guardian of two owes while one child is still unconfirmed', () => {
    const copies = [copy('mother', ['anna'], at(1)), copy('father', ['anna', 'janis']), copy('aunt', ['janis'])];
    expect(owing('one-per-student', copies)).toEqual(['father', 'aunt']);
    expect(owing('one-per-student', [...copies, copy('grandma', ['janis'], at(2))])).toEqual([]);
  });

  it('one-per-student: a copy about no child needs its own confirmation', () => {
    expect(owing('one-per-student', [copy('colleague', []), copy('mother', ['anna'], at(1))])).toEqual(['colleague']);
  });

  it('nobody owes once everyone confirmed; an empty audience owes nothing', () => {
    expect(owing('each-recipient', [copy('a', ['x'], at(1)), copy('b', [], at(2))])).toEqual([]);
    expect(owing('one-per-student', [])).toEqual([]);
  });
});

describe('confirmationsByStudent', () => {
  it('credits each child to the first guardian who confirmed', () => {
    const map = confirmationsByStudent([copy('late', ['anna'], at(5)), copy('early', ['anna', 'janis'], at(2)), copy('none', ['liga'])]);
    expect(Object.fromEntries([...map].map(([s, c]) => [s, c.userId]))).toEqual({ anna: 'early', janis: 'early' });
  });
});
