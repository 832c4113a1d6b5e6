import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { DirectoryQueries } from '@app/directory/directory.queries';
import { RoleAssignment } from '@app/directory/entities/role-assignment.entity';
import { User } from '@app/directory/entities/user.entity';
import { CalendarService } from '@app/platform/time/calendar.service';

export interface Profile {
  id: string;
  username: string;
  displayName: string;
  language: string;
  roles: { institutionId: string; role: string }[];
  mustChangePassword: boolean;
  children: { id: string; displayName: string; institutionId: string; groupId: string | null }[];
}

@Injectable()
export class ProfileService {
  constructor(
    private readonly em: EntityManager,
    private readonly directory: DirectoryQueries,
    private readonly calendar: CalendarService,
  ) {}

  async profile(userId: string): Promise<Profile> {
    const em = this.em.fork();
    const user = await em.findOneOrFail(User, userId);
    const roles = await em.find(RoleAssignment, { user: userId, active: true }, { orderBy: { createdAt: 'asc' } });
    const guarding = roles.filter((r) => r.role === 'guardian').map((r) => r.institution.id);
    const children = await this.directory.childrenOf(userId, guarding, this.calendar.today());
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      language: user.language,
      roles: roles.map((r) => ({ institutionId: r.institution.id, role: r.role })),
      mustChangePassword: user.mustChangePassword,
      children: children.map(({ id, displayName, institutionId, groupId }) => ({ id, displayName, institutionId, groupId })),
    };
  }
}
