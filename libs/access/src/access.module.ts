import { Global, Module } from '@nestjs/common';
import { AccessPolicy } from './access.policy';
import { AccessRepository } from './access.repository';

@Global()
@Module({ providers: [AccessRepository, AccessPolicy], exports: [AccessPolicy] })
export class AccessModule {}
