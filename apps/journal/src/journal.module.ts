import { Module } from '@nestjs/common';
import { AbsencesModule } from './absences/absences.module';
import { AuditQueryService } from './audit/audit-query.service';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { ProfileService } from './auth/profile.service';
import { EnrolmentsController } from './enrolments/enrolments.controller';
import { EnrolmentsService } from './enrolments/enrolments.service';
import { GroupsController } from './groups/groups.controller';
import { GroupsService } from './groups/groups.service';
import { StudentsController } from './groups/students.controller';
import { StudentsService } from './groups/students.service';
import { GuardianshipsController } from './guardianships/guardianships.controller';
import { GuardianshipsService } from './guardianships/guardianships.service';
import { InstitutionsController } from './institutions/institutions.controller';
import { InstitutionsService } from './institutions/institutions.service';
import { GradebookModule } from './marks/gradebook.module';
import { MealsModule } from './meals/meals.module';
import { NotificationPreferencesModule } from './notification-preferences/notification-preferences.module';
import { CredentialsService } from './people/credentials.service';
import { PeopleController } from './people/people.controller';
import { PeopleService } from './people/people.service';

/** The core journal: accounts, the directory, absences, meals, lessons and marks. */
@Module({
  imports: [NotificationPreferencesModule, AbsencesModule, MealsModule, GradebookModule],
  controllers: [
    AuthController,
    InstitutionsController,
    GroupsController,
    StudentsController,
    PeopleController,
    EnrolmentsController,
    GuardianshipsController,
    AuditController,
  ],
  providers: [
    ProfileService,
    InstitutionsService,
    GroupsService,
    StudentsService,
    PeopleService,
    CredentialsService,
    EnrolmentsService,
    GuardianshipsService,
    AuditQueryService,
  ],
  exports: [InstitutionsService],
})
export class JournalModule {}
