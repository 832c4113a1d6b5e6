import { DEFAULT_INSTITUTION_SETTINGS, institutionSettings } from './institution.entity';

describe('institutionSettings', () => {
  it('fills the keys an older row lacks with the defaults and keeps the institution’s own', () => {
    expect(institutionSettings({ mealReportTime: '10:15', smsMonthlySegmentBudget: 500 })).toEqual({
      ...DEFAULT_INSTITUTION_SETTINGS,
      mealReportTime: '10:15',
      smsMonthlySegmentBudget: 500,
    });
  });

  it('reads a raw column: JSON text (SQLite), or nothing at all', () => {
    expect(institutionSettings(JSON.stringify({ smsTransliterate: true }))).toEqual({ ...DEFAULT_INSTITUTION_SETTINGS, smsTransliterate: true });
    expect(institutionSettings(null)).toEqual(DEFAULT_INSTITUTION_SETTINGS);
    expect(institutionSettings(undefined)).toEqual(DEFAULT_INSTITUTION_SETTINGS);
  });

  it('keeps an explicit null rather than the default', () => {
    expect(institutionSettings({ ...DEFAULT_INSTITUTION_SETTINGS, quietHours: 'off' }).quietHours).toBe('off');
    expect(institutionSettings({ alertDelaySeconds: null }).alertDelaySeconds).toBeNull();
  });
});

describe('institutionSettings: moderation', () => {
  it('fills moderation for rows that predate it, and its keys one by one', () => {
    expect(institutionSettings({}).moderation).toEqual({ allowedTerms: [], blockedTerms: [], mode: 'default', secondOpinion: null });
    expect(institutionSettings({ moderation: { allowedTerms: ['Dirsa'] } } as never).moderation).toEqual({ allowedTerms: ['Dirsa'], blockedTerms: [], mode: 'default', secondOpinion: null });
    // Rows stored before the second opinion was a setting follow the lib's default (null).
    expect(institutionSettings({ moderation: { allowedTerms: [], blockedTerms: [], mode: 'strict' } } as never).moderation.secondOpinion).toBeNull();
    expect(institutionSettings({ moderation: { allowedTerms: [], blockedTerms: [], mode: 'default', secondOpinion: true } }).moderation.secondOpinion).toBe(true);
  });

  it('gives every reader its own lists', () => {
    institutionSettings(null).moderation.allowedTerms.push('Dirsa');
    expect(DEFAULT_INSTITUTION_SETTINGS.moderation.allowedTerms).toEqual([]);
    expect(institutionSettings(null).moderation.allowedTerms).toEqual([]);
  });
});
