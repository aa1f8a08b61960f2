import type { Month, SchedulePoint } from '../parse/model';

/**
 * What is wrong with a cumulative spending plan (资金支出计划: end of March, June, October, December): the
 * one definition of the plan flags. The schedule-shape rule words them, the projects table stores them
 * (`plan_*` columns) and the charts count and draw them, so a chart and a finding cannot disagree.
 */
export interface PlanFlags {
  /** A month above 100 % or below 0 %. */
  over: boolean;
  /** A known month below an earlier known month; the first such month. */
  fallsBack: Month | null;
  /** December unknown or below 100 %. */
  short: boolean;
  /** One of the four months missing or blank. */
  blank: boolean;
}

export const PLAN_MONTHS: readonly Month[] = [3, 6, 10, 12];

/** Percentage points a plan may be off by: a plan written as amounts is converted to percent and rounded. */
export const PLAN_TOLERANCE = 0.01;

/** The flags of a plan; null when the project has none. */
export function planFlags(schedule: readonly SchedulePoint[]): PlanFlags | null {
  if (schedule.length === 0) return null;
  const at = new Map(schedule.filter((x) => x.pct != null).map((x) => [x.month, x.pct!]));
  let fallsBack: Month | null = null;
  let highest: number | null = null;
  for (const x of schedule) {
    if (x.pct == null) continue;
    if (highest != null && x.pct < highest - PLAN_TOLERANCE) {
      fallsBack = x.month;
      break;
    }
    highest = highest == null ? x.pct : Math.max(highest, x.pct);
  }
  const december = at.get(12);
  return {
    over: schedule.some((x) => x.pct != null && (x.pct < -PLAN_TOLERANCE || x.pct > 100 + PLAN_TOLERANCE)),
    fallsBack,
    short: december == null || december < 100 - PLAN_TOLERANCE,
    blank: PLAN_MONTHS.some((m) => !at.has(m)),
  };
}

/** Whether a plan carries any flag. */
export const flagged = (f: PlanFlags | null) => f != null && (f.over || f.fallsBack != null || f.short || f.blank);
