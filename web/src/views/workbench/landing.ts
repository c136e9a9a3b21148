import { h } from '../../core/dom.ts';
import { t } from '../../core/i18n.ts';
import { overduePart, redPart } from './attention.ts';
import { loadWorkbench } from './query.ts';
import {
  extensionsPart,
  proposalsPart,
  reportsPart,
  returnsPart,
  unassignedPart,
} from './rulings.ts';
import { liveSections } from './sections.ts';
import { registerMatterPart, registerPart, taskListPart } from './task-list.ts';

/**
 * 督查室工作台: what needs the office's hand first (red tasks, overdue
 * milestones), then what awaits its ruling, then registering and the task list.
 */
export const workbenchLanding = async (): Promise<HTMLElement> =>
  h(
    'section',
    { 'data-ready': 'workbench', class: 'workbench' },
    h('h1', { tabindex: '-1' }, t('wbTitle')),
    h('p', {}, t('wbIntro')),
    await liveSections(loadWorkbench, [
      redPart,
      overduePart,
      reportsPart,
      returnsPart,
      unassignedPart,
      extensionsPart,
      proposalsPart,
      registerPart,
      registerMatterPart,
      taskListPart,
    ]),
  );
