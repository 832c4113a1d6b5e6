import { Test } from '@nestjs/testing';
import { ModerationModule } from './moderation.module';
import { ModerationService } from './moderation.service';

describe('ModerationModule', () => {
  it('provides the service with module-wide defaults and per-call institution options', async () => {
    const ref = await Test.createTestingModule({ imports: [ModerationModule.forRoot({ policy: { profanity: { 2: 'block' } } })] }).compile();
    const svc = ref.get(ModerationService);
    expect(svc.moderate('shit').decision).toBe('block');
    expect(svc.moderate('shit', {}).decision).toBe('review');
    expect(svc.moderate('Labdien', { blockedTerms: ['labdien'] }).decision).toBe('review');
  });

  it('works without forRoot', async () => {
    const ref = await Test.createTestingModule({ imports: [ModerationModule] }).compile();
    expect(ref.get(ModerationService).moderate('я тебя убью').decision).toBe('block');
  });
});
