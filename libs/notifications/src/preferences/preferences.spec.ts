import { CATEGORIES } from '../delivery/notification-delivery.entity';
import {
  channelsFor,
  defaultChoice,
  mergePreferences,
  MANDATORY_CHANNELS,
  ownChoices,
  validatePreferences,
  type EffectivePreferences,
} from './preferences';

const both = { email: 'anna@example.lv', phone: '+37120000001' };
const off = { inApp: false, email: false, sms: false };

describe('notification preferences', () => {
  describe('defaults', () => {
    it('send SMS only for urgent messages, passwords and account notices', () => {
      const eff = mergePreferences(null);
      expect(eff.categories).toEqual({
        message: { inApp: true, email: true, sms: false },
        urgent: { inApp: true, email: true, sms: true },
        'ack-reminder': { inApp: true, email: true, sms: false },
        'absence-confirmation': { inApp: true, email: true, sms: false },
        'meal-report': { inApp: false, email: true, sms: false },
        password: { inApp: false, email: false, sms: true },
        journal: { inApp: true, email: true, sms: false },
        account: { inApp: false, email: true, sms: true },
      });
      expect(eff).toMatchObject({ quietHours: null, digest: false });
    });

    it('satisfy their own rules', () => {
      expect(validatePreferences(mergePreferences(null))).toEqual([]);
    });

    it('hand out copies, so a caller cannot change them for everybody', () => {
      defaultChoice('message').sms = true;
      mergePreferences(null).categories.message.email = false;
      expect(mergePreferences(null).categories.message).toEqual({ inApp: true, email: true, sms: false });
    });

    it('name password, urgent and account as mandatory', () => {
      expect(MANDATORY_CHANNELS).toEqual({ urgent: ['email', 'sms'], password: ['sms'], account: ['email', 'sms'] });
    });
  });

  describe('mergePreferences', () => {
    it('keeps what the person chose and the defaults for everything else', () => {
      const eff = mergePreferences({
        categories: { message: { inApp: true, email: false, sms: true } },
        quietHours: { from: '22:00', to: '06:30' },
        digest: true,
      });
      expect(eff.categories.message).toEqual({ inApp: true, email: false, sms: true });
      expect(eff.categories.journal).toEqual(defaultChoice('journal'));
      expect(eff).toMatchObject({ quietHours: { from: '22:00', to: '06:30' }, digest: true });
    });

    it('falls back to the default for a stored choice that breaks a rule or is malformed, and ignores unknown categories', () => {
      const eff = mergePreferences({
        categories: {
          password: off,
          urgent: { inApp: true, email: false, sms: false },
          message: { inApp: true, email: 'yes' } as never,
          ...({ homework: { inApp: true, email: true, sms: true } } as object),
        },
        quietHours: null,
        digest: false,
      });
      expect(eff.categories.password).toEqual(defaultChoice('password'));
      expect(eff.categories.urgent).toEqual(defaultChoice('urgent'));
      expect(eff.categories.message).toEqual(defaultChoice('message'));
      expect(Object.keys(eff.categories).sort()).toEqual([...CATEGORIES].sort());
    });
  });

  describe('validatePreferences', () => {
    it('refuses switching the password SMS off', () => {
      expect(validatePreferences({ categories: { password: off } })).toEqual([
        { category: 'password', code: 'MANDATORY_CATEGORY', keepOneOf: ['sms'] },
      ]);
    });

    it('lets urgent and account move between e-mail and SMS but not go silent', () => {
      expect(validatePreferences({ categories: { urgent: { inApp: false, email: true, sms: false }, account: { inApp: false, email: false, sms: true } } })).toEqual([]);
      expect(validatePreferences({ categories: { urgent: { inApp: true, email: false, sms: false }, account: off } })).toEqual([
        { category: 'urgent', code: 'MANDATORY_CATEGORY', keepOneOf: ['email', 'sms'] },
        { category: 'account', code: 'MANDATORY_CATEGORY', keepOneOf: ['email', 'sms'] },
      ]);
    });

    it('refuses the password by e-mail or in the app', () => {
      expect(validatePreferences({ categories: { password: { inApp: true, email: true, sms: true } } })).toEqual([
        { category: 'password', code: 'CHANNEL_NOT_OFFERED', channels: ['inApp', 'email'] },
      ]);
    });

    it('lets everything else be switched off entirely', () => {
      const categories = Object.fromEntries(['message', 'ack-reminder', 'absence-confirmation', 'meal-report', 'journal'].map((c) => [c, off]));
      expect(validatePreferences({ categories })).toEqual([]);
    });
  });

  describe('ownChoices', () => {
    it('keeps only the categories that differ from the defaults', () => {
      expect(ownChoices({ message: defaultChoice('message'), journal: off })).toEqual({ journal: off });
    });
  });

  describe('channelsFor', () => {
    const defaults = mergePreferences(null);
    const withChoice = (patch: Partial<EffectivePreferences['categories']>, digest = false): EffectivePreferences => ({
      ...defaults,
      digest,
      categories: { ...defaults.categories, ...patch },
    });

    it('follows the choices, limited to the contacts the person has', () => {
      expect(channelsFor('message', defaults, both)).toEqual(['email']);
      expect(channelsFor('urgent', defaults, both)).toEqual(['email', 'sms']);
      expect(channelsFor('urgent', defaults, { email: null, phone: both.phone })).toEqual(['sms']);
      expect(channelsFor('urgent', defaults, { email: both.email })).toEqual(['email']);
      expect(channelsFor('message', defaults, { phone: both.phone })).toEqual([]);
      expect(channelsFor('journal', withChoice({ journal: off }), both)).toEqual([]);
    });

    it('treats an empty address as none', () => {
      expect(channelsFor('urgent', defaults, { email: '', phone: '' })).toEqual([]);
    });

    it('sends a mandatory notice by a mandatory channel that can reach the person when their choice cannot', () => {
      const emailOnly = withChoice({ urgent: { inApp: true, email: true, sms: false }, account: { inApp: false, email: true, sms: false } });
      expect(channelsFor('urgent', emailOnly, { phone: both.phone })).toEqual(['sms']);
      expect(channelsFor('account', emailOnly, { phone: both.phone })).toEqual(['sms']);
      expect(channelsFor('urgent', emailOnly, both)).toEqual(['email']);
    });

    it('answers nothing when no offline channel can reach the person, and never sends the password by e-mail', () => {
      expect(channelsFor('urgent', defaults, {})).toEqual([]);
      expect(channelsFor('password', defaults, { email: both.email })).toEqual([]);
      expect(channelsFor('password', withChoice({ password: { inApp: true, email: true, sms: true } }), both)).toEqual(['sms']);
    });

    it('leaves message e-mails to the daily digest, but not urgent ones or SMS', () => {
      const digest = withChoice({ message: { inApp: true, email: true, sms: true } }, true);
      expect(channelsFor('message', digest, both)).toEqual(['sms']);
      expect(channelsFor('urgent', digest, both)).toEqual(['email', 'sms']);
    });
  });
});
