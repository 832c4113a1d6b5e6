import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/guard/auth.decorators';
import { MealCountsQuery, MealReportsQuery } from './meals.dto';
import { MealsService } from './meals.service';

@ApiTags('meals')
@ApiBearerAuth()
@Controller('meals')
export class MealsController {
  constructor(private readonly meals: MealsService) {}

  @Get('counts')
  @ApiOperation({ summary: 'Meals per group × meal × diet for a day, as known at its cut-offs (staff and the kitchen of the institution)' })
  counts(@CurrentActor() actor: Actor, @Query() q: MealCountsQuery) {
    return this.meals.counts(actor, q);
  }

  @Get('reports')
  @ApiOperation({ summary: 'The reports sent to the kitchen for meal days in a range: what it was told, as of which cut-off, when' })
  reports(@CurrentActor() actor: Actor, @Query() q: MealReportsQuery) {
    return this.meals.reports(actor, q);
  }
}
