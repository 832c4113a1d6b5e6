import { JwtService } from '@nestjs/jwt';
import { loadConfig } from '@app/platform/config/load-config';
import { FixedClock } from '@app/platform/time/clock';
import { TokenService } from './token.service';

describe('TokenService access tokens', () => {
  const claims = { sub: 'b3c1f2a4-0000-4000-8000-000000000001', sid: 'b3c1f2a4-0000-4000-8000-000000000002' };
  const make = (clock: FixedClock) =>
    new TokenService(new JwtService({ secret: 'x'.repeat(32) }), clock, loadConfig({ JWT_SECRET: 'x'.repeat(32), ACCESS_TOKEN_TTL: '15m' }));

  // Instants far from the day the tests run, both ways: only the injected clock may decide.
  it.each(['2019-01-07T08:00:00Z', '2038-05-04T08:00:00Z'])('lives for its TTL by the injected clock at %s', (start) => {
    const clock = new FixedClock(start);
    const tokens = make(clock);
    const token = tokens.signAccess(claims);
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
    expect(payload.iat * 1000).toBe(clock.now().getTime());
    expect(tokens.verifyAccess(token)).toMatchObject(claims);
    clock.advanceSeconds(15 * 60 - 1);
    expect(tokens.verifyAccess(token)).toMatchObject(claims);
    clock.advanceSeconds(1);
    expect(tokens.verifyAccess(token)).toBeUndefined();
  });

  it('refuses a token signed with another secret', () => {
    const clock = new FixedClock('2026-10-14T07:00:00Z');
    const foreign = new TokenService(new JwtService({ secret: 'y'.repeat(32) }), clock, loadConfig({ JWT_SECRET: 'y'.repeat(32) }));
    expect(make(clock).verifyAccess(foreign.signAccess(claims))).toBeUndefined();
  });
});
