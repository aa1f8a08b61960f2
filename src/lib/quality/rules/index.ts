import type { Rule } from '../rule';
import targetNotQuantified from './target-not-quantified';
import targetIncomplete from './target-incomplete';
import unitCategoryMismatch from './unit-category-mismatch';
import nameUnitMismatch from './name-unit-mismatch';
import directionImplausible from './direction-implausible';
import satisfactionWeak from './satisfaction-weak';
import descriptionAddsNothing from './description-adds-nothing';
import basisGeneric from './basis-generic';
import levelMisplaced from './level-misplaced';
import targetContradictsDescription from './target-contradicts-description';
import frameworkIncomplete from './framework-incomplete';
import level3Duplicated from './level3-duplicated';
import costOverBudget from './cost-over-budget';
import scheduleShape from './schedule-shape';
import budgetArithmetic from './budget-arithmetic';
import goalIndicatorMisaligned from './goal-indicator-misaligned';
import narrativeTableInconsistent from './narrative-table-inconsistent';
import copyPasteAcrossProjects from './copy-paste-across-projects';
import offDepartmentContent from './off-department-content';
import gradeScaleInconsistent from './grade-scale-inconsistent';
import crossFilingBoilerplate from './cross-filing-boilerplate';
import peerTarget from './peer-target';
import repeatedYearly from './repeated-yearly';

/**
 * The rule chain: every rule of the rubric, in the order the engine runs them and findings are listed
 * (indicator, project, filing, then cross-filing rules). A new rule is a module beside this one, its test,
 * and a line here.
 */
export const RULES: Rule[] = [
  targetNotQuantified,
  targetIncomplete,
  unitCategoryMismatch,
  nameUnitMismatch,
  directionImplausible,
  satisfactionWeak,
  descriptionAddsNothing,
  basisGeneric,
  levelMisplaced,
  targetContradictsDescription,
  frameworkIncomplete,
  level3Duplicated,
  costOverBudget,
  scheduleShape,
  budgetArithmetic,
  goalIndicatorMisaligned,
  narrativeTableInconsistent,
  copyPasteAcrossProjects,
  offDepartmentContent,
  gradeScaleInconsistent,
  crossFilingBoilerplate,
  peerTarget,
  repeatedYearly,
];

export const RULE_IDS = RULES.map((r) => r.id);
