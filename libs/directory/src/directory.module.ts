import { Global, Module } from '@nestjs/common';
import { DirectoryQueries } from './directory.queries';

@Global()
@Module({ providers: [DirectoryQueries], exports: [DirectoryQueries] })
export class DirectoryModule {}
