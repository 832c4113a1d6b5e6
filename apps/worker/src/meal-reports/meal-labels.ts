import type { Diet, Meal } from '@app/attendance';
import type { Language } from '@app/directory/entities';

type Label = Meal | Diet | 'group' | 'meal' | 'total';

/** What the kitchen reads in its report's table, CSV and SMS, in the reader's language (codes stay in the data). */
const LABELS: Record<Language, Record<Label, string>> = {
  lv: {
    group: 'grupa',
    meal: 'ēdienreize',
    total: 'kopā',
    breakfast: 'brokastis',
    lunch: 'pusdienas',
    snack: 'launags',
    standard: 'parastā',
    vegetarian: 'veģetārā',
    lactose_free: 'bez laktozes',
    gluten_free: 'bez glutēna',
    other: 'cita',
  },
  ru: {
    group: 'группа',
    meal: 'приём пищи',
    total: 'итого',
    breakfast: 'завтрак',
    lunch: 'обед',
    snack: 'полдник',
    standard: 'обычное',
    vegetarian: 'вегетарианское',
    lactose_free: 'без лактозы',
    gluten_free: 'без глютена',
    other: 'другое',
  },
  en: {
    group: 'group',
    meal: 'meal',
    total: 'total',
    breakfast: 'breakfast',
    lunch: 'lunch',
    snack: 'snack',
    standard: 'standard',
    vegetarian: 'vegetarian',
    lactose_free: 'lactose-free',
    gluten_free: 'gluten-free',
    other: 'other',
  },
};

export type MealLabel = (code: Label) => string;

export function mealLabels(language: Language): MealLabel {
  const words = LABELS[language] ?? LABELS.lv;
  return (code) => words[code];
}
