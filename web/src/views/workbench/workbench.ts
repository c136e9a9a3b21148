import { h } from '../../core/dom.ts';
import { t } from '../../core/i18n.ts';
import type { Route } from '../../core/route.ts';
import { can } from '../../core/session.ts';
import { taskDesk } from './desk.ts';
import { workbenchLanding } from './landing.ts';

/**
 * `#/workbench`: the supervision office's screen (督查室工作台), for a role that
 * may register tasks; `#/workbench/task/<id>` is one task on its desk.
 */
export const workbenchView = async (route: Route): Promise<HTMLElement> => {
  if (!can('registerTask')) {
    return h(
      'section',
      { 'data-ready': 'forbidden' },
      h('h1', { tabindex: '-1' }, t('wbTitle')),
      h('p', {}, t('forbidden')),
    );
  }
  return route.path[1] === 'task' && route.path[2] ? taskDesk(route.path[2]) : workbenchLanding();
};
