import { h } from '../../core/dom.ts';
import { hrefOf } from '../../core/route.ts';

/** The address of a task's desk, where it is assigned, planned and supervised. */
export const deskHref = (taskId: string): string =>
  hrefOf(`workbench/task/${encodeURIComponent(taskId)}`);

export const deskLink = (taskId: string, label: string) =>
  h('a', { href: deskHref(taskId) }, label);
