import { gql } from '../core/api.ts';
import { h } from '../core/dom.ts';
import { dateTime, table, taskLink } from '../core/format.ts';
import { t } from '../core/i18n.ts';
import { can, currentUser } from '../core/session.ts';
import { pendingDraftsQuery } from '../operations/boards.ts';

interface DraftRow {
  taskId: string;
  title: string;
  draftId: string;
  percent: number;
  draftedBy: string;
  draftedAt: string;
  draftedByName: string | null;
}

interface DraftTask {
  id: string;
  title: string;
  drafts: {
    draftId: string;
    unit: { id: string };
    percent: number;
    status: string;
    draftedBy: string;
    draftedAt: string;
    draftedByName: string | null;
  }[];
}

/** A request asks at most this many task pages at once (tasksById's bound). */
const batch = 50;

/**
 * 待审核的联络员报送: for the unit head, the pending drafts of its own unit's
 * liaisons on the tasks it is responsible for, each linked to its task, where
 * it approves or returns them. Null for anyone who approves none.
 */
export const pendingDrafts = async (taskIds: readonly string[]): Promise<HTMLElement | null> => {
  const unitId = currentUser()?.unitId;
  if (!can('approveProgressReport') || !unitId || taskIds.length === 0) return null;
  const ids = taskIds.slice(0, batch);
  const data = await gql<{ tasksById: (DraftTask | null)[] }>(pendingDraftsQuery, { ids });
  const rows: DraftRow[] = data.tasksById.flatMap((task) =>
    (task?.drafts ?? [])
      .filter((draft) => draft.status === 'PENDING' && draft.unit.id === unitId)
      .map((draft) => ({ taskId: task?.id ?? '', title: task?.title ?? '', ...draft })),
  );
  return h(
    'section',
    { class: 'pending-drafts', 'data-ready': 'pending-drafts' },
    table(
      t('workbenchDrafts'),
      [
        { label: t('task'), cell: (row) => taskLink(row.taskId, row.title) },
        { label: t('draftPercent'), cell: (row) => `${row.percent}%`, numeric: true },
        {
          label: t('draftedBy'),
          cell: (row) => `${row.draftedByName ?? row.draftedBy} · ${dateTime(row.draftedAt)}`,
        },
      ],
      rows,
    ),
  );
};
