import { h } from '../../core/dom.ts';
import { type Light, label, lightBadge } from '../../core/format.ts';
import { t } from '../../core/i18n.ts';
import { can } from '../../core/session.ts';
import { evidenceList } from '../../forms/evidence.ts';
import { ownerForm } from '../../forms/milestone-owner.ts';
import { markIfAssumed } from './assumed.ts';
import type { TaskBoards, TaskPage } from './query.ts';

/** A milestone's light from its stage: overdue red, due soon yellow (the 3-day rule), else green. */
const lightOfStage = (state: string | undefined): Light | null => {
  switch (state) {
    case 'OVERDUE':
      return 'RED';
    case 'DUE_SOON':
    case 'DONE_LATE':
      return 'YELLOW';
    case 'SUSPENDED':
      return null;
    default:
      return 'GREEN';
  }
};

/** The milestones as a timeline by due date, each with its light, stage, progress and extensions. */
export const milestoneTimeline = (task: TaskPage, boards: TaskBoards, refresh: () => void) =>
  h(
    'section',
    {},
    h('h2', {}, t('milestones')),
    h(
      'ol',
      { class: 'timeline' },
      [...task.milestones]
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
        .map((milestone) => {
          const state = boards.stages.find((row) => row.milestoneId === milestone.id)?.state;
          const light = lightOfStage(state);
          return h(
            'li',
            {
              class: `timeline-item light-${light?.toLowerCase() ?? 'none'}`,
              'data-milestone': milestone.id,
            },
            h(
              'span',
              {},
              h('time', { datetime: milestone.dueDate }, milestone.dueDate),
              markIfAssumed(milestone.assumed, 'DUE_DATE', t('dueDate')),
            ),
            h(
              'div',
              {},
              h('strong', {}, milestone.title),
              markIfAssumed(milestone.assumed, 'TITLE', t('wbMilestoneTitle')),
              ' ',
              lightBadge(light),
              ' ',
              state ? label('state', state) : milestone.status,
              h(
                'div',
                { class: 'bar' },
                h('progress', {
                  max: 100,
                  value: milestone.progress,
                  'aria-label': `${milestone.title} ${t('progress')}`,
                }),
                ` ${milestone.progress}%`,
              ),
              milestone.originalDueDate !== milestone.dueDate
                ? h(
                    'p',
                    { class: 'help' },
                    `${t('dueDate')}: ${milestone.originalDueDate} → ${milestone.dueDate}`,
                  )
                : null,
              h(
                'p',
                { class: 'help' },
                `${t('wbWeight')}：${milestone.weight}`,
                markIfAssumed(milestone.assumed, 'WEIGHT', t('wbWeight')),
              ),
              h(
                'p',
                { class: 'help', 'data-owner': milestone.ownerUnit?.id ?? '' },
                `${t('owner')}：${milestone.ownerUnit?.name ?? milestone.ownerUnit?.id ?? task.leadUnit?.name ?? '—'}`,
              ),
              milestone.lastNote ? h('p', { class: 'note' }, milestone.lastNote) : null,
              evidenceList(milestone.lastEvidence ?? [], 'milestone-evidence'),
              milestone.status !== 'COMPLETED' && can('assignMilestoneOwner')
                ? ownerForm(task, milestone.id, milestone.ownerUnit?.id ?? null, refresh)
                : null,
              // Its requests in brief: the section below has their stages and next steps.
              task.extensions
                .filter((extension) => extension.milestoneId === milestone.id)
                .map((extension) =>
                  h(
                    'div',
                    { class: 'extension' },
                    `${t('extensions')}: ${label('ext', extension.status)} → ${extension.requestedDueDate}：${extension.reason}`,
                  ),
                ),
            ),
          );
        }),
    ),
  );
