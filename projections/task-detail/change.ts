import type { TaskEventType } from '../../contracts/events/task-events.ts';
import type { Data } from '../events.ts';
import type { TaskDetail } from './document.ts';
import type { Stamp } from './stamp.ts';

/** What one task event does to the page, given its data and who recorded it when. */
export type PageChange<T extends TaskEventType> = (
  doc: TaskDetail,
  data: Data<T>,
  stamp: Stamp,
) => TaskDetail;
