import type { MessageKey } from '../../core/i18n.ts';
import type { Filter } from './board-page.ts';

/** The section a task belongs to. */
export const sectionFilter: Filter = { name: 'section', label: 'section', kind: 'section' };

/** The unit a row is about (`unitId`). */
export const unitFilter: Filter = { name: 'unitId', label: 'unit', kind: 'unit' };

/** A unit and the units below it in the tree (`unitSubtree`): a street with its 社区. */
export const unitSubtreeFilter: Filter = {
  name: 'unitSubtree',
  label: 'unitSubtree',
  kind: 'unit',
};

/**
 * A settled year (年度结算): the responsibility board of its last day with every
 * limit up to it counted, as the clock closed it.
 */
export const settlementFilter: Filter = {
  name: 'period',
  label: 'settlementYear',
  kind: 'number',
  topLevel: true,
};

/**
 * One value of an enum (as the API spells it), the filter's field and its label
 * both `name`, each value named by the message `<name>_<value>` (in lower case).
 */
export const choiceFilter = (name: MessageKey, choices: readonly string[]): Filter => ({
  name,
  label: name,
  kind: 'choice',
  choices,
  prefix: name,
});

/** The task's kind (事项来源): the annual plan's, or a matter's source. */
export const kindFilter: Filter = {
  name: 'kind',
  label: 'taskKind',
  kind: 'choice',
  choices: [
    'ANNUAL_PLAN',
    'LEADER_INSTRUCTION',
    'MEETING_DECISION',
    'LEADER_ASSIGNMENT',
    'DEPUTY_SUGGESTION',
    'CPPCC_PROPOSAL',
    'PUBLIC_CLUE',
  ],
  prefix: 'taskKind',
};

/** The light (亮灯) of a task: green, yellow or red. */
export const lightFilter = choiceFilter('light', ['GREEN', 'YELLOW', 'RED']);
