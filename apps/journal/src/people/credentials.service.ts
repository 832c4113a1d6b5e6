import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { PasswordService } from '@app/auth/passwords/password.service';
import { User } from '@app/directory/entities/user.entity';
import { OutboxWriter } from '@app/notifications/outbox/outbox.writer';
import type { PasswordSmsPayload } from '@app/notifications/outbox/outbox.contract';
import { SecretBox } from '@app/platform/crypto/secret-box';

export type CredentialDelivery = { delivery: 'sms' } | { delivery: 'shown'; temporaryPassword: string };

/**
 * Issues a password that must be changed at first sign-in. A guardian with a mobile number gets
 * it by SMS (seed 001 §1.4): the outbox row carries it sealed, never in the clear, and the admin
 * never sees it. Everyone else's is shown once to the admin who issued it.
 */
@Injectable()
export class CredentialsService {
  constructor(
    private readonly passwords: PasswordService,
    private readonly outbox: OutboxWriter,
    private readonly secrets: SecretBox,
  ) {}

  async issue(
    em: EntityManager,
    user: User,
    opts: { institutionId: string; bySms: boolean; reason: PasswordSmsPayload['reason']; at: Date },
  ): Promise<CredentialDelivery> {
    const password = this.passwords.issue();
    await this.passwords.assign(em, user, password, opts.at);
    user.mustChangePassword = true;
    if (opts.bySms && user.phone) {
      this.outbox.add(
        em,
        'password-sms',
        { userId: user.id, institutionId: opts.institutionId, sealedPassword: this.secrets.seal(password), reason: opts.reason },
        { at: opts.at },
      );
      return { delivery: 'sms' };
    }
    return { delivery: 'shown', temporaryPassword: password };
  }
}
