import { extensionStage } from '../../projections/task-detail/extensions.ts';
import type { ExtensionDetail, TaskDetail } from '../../projections/task-detail/projection.ts';
import { noticeChain, timeLimitParts, timeLimitUnitIds, urgeReply } from './time-limit-page.ts';

/** A unit as a view names it: its id, and its name once the directory knows it. */
export type UnitRef = { id: string; name: string | null };

/** Finds the names of units by id (the directory's read model). */
export type UnitNames = (ids: string[]) => Promise<Map<string, { name: string }>>;

/** Every unit id the task page mentions, each once. */
export const unitIdsOf = (task: TaskDetail): string[] => {
  const ids = [
    task.leadUnitId,
    ...task.cooperatingUnitIds,
    ...task.signatures.map((s) => s.unitId),
    ...task.handovers.flatMap((h) => [h.fromUnitId, h.toUnitId]),
    ...(task.returnRequests ?? []).flatMap((r) => [r.unitId, r.toUnitId]),
    ...task.milestones.flatMap((m) => [m.lastReportedByUnitId, m.ownerUnitId ?? null]),
    ...task.blockages.flatMap((b) => [
      b.waitingOnUnitId,
      b.reportedByUnitId,
      b.coordinatorUnitId,
      b.partDone?.unitId ?? null,
    ]),
    ...task.notices.map((n) => n.toUnitId),
    ...(task.urges ?? []).map((u) => u.unitId),
    ...task.instructions.flatMap((i) => i.addressedToUnitIds),
    ...task.accountabilityRecords.map((a) => (a.against.kind === 'unit' ? a.against.id : null)),
    ...(task.bonuses ?? []).map((b) => b.unitId),
    ...timeLimitUnitIds(task),
    ...(task.replies ?? []).map((r) => r.unitId),
    ...(task.evaluations ?? []).map((e) => e.unitId),
  ];
  return [...new Set(ids.filter((id): id is string => id !== null))];
};

/** A request with its stage (申请 → 初审 → 决定); a page projected before reviews has none. */
const extensionOf = (request: ExtensionDetail) => ({
  ...request,
  stage: extensionStage(request.status),
  reviewedAt: request.reviewedAt ?? null,
  reviewedBy: request.reviewedBy ?? null,
  reviewComment: request.reviewComment ?? null,
});

/**
 * The task page as the API shows it: every unit id it holds is paired with the
 * unit (id and name), so a client shows names without a second query.
 */
export const taskPage = async (task: TaskDetail, names: UnitNames) => {
  const known = await names(unitIdsOf(task));
  const unit = (id: string): UnitRef => ({ id, name: known.get(id)?.name ?? null });
  const optional = (id: string | null): UnitRef | null => (id === null ? null : unit(id));
  const extensions = task.extensions.map(extensionOf);
  return {
    ...task,
    // Pages projected before assumptions, tolerances and counts were kept read as none.
    assumed: task.assumed ?? [],
    extensions,
    leadUnit: optional(task.leadUnitId),
    cooperatingUnits: task.cooperatingUnitIds.map(unit),
    signatures: task.signatures.map((s) => ({ ...s, unit: unit(s.unitId) })),
    handovers: task.handovers.map((h) => ({
      ...h,
      fromUnit: optional(h.fromUnitId),
      toUnit: optional(h.toUnitId),
    })),
    returnRequests: (task.returnRequests ?? []).map((r) => ({
      ...r,
      unit: unit(r.unitId),
      toUnit: optional(r.toUnitId),
    })),
    proposals: task.proposals ?? [],
    milestones: task.milestones.map((m) => ({
      ...m,
      lastReportedByUnit: optional(m.lastReportedByUnitId),
      ownerUnit: optional(m.ownerUnitId ?? null),
      lastEvidence: m.lastEvidence ?? [],
      assumed: m.assumed ?? [],
      extensions: extensions.filter((e) => e.milestoneId === m.id),
    })),
    blockages: task.blockages.map((b) => ({
      ...b,
      waitingOnUnit: optional(b.waitingOnUnitId),
      reportedByUnit: optional(b.reportedByUnitId),
      coordinatorUnit: optional(b.coordinatorUnitId),
      partDone: b.partDone ? { ...b.partDone, unit: unit(b.partDone.unitId) } : null,
    })),
    indicators: task.indicators.map((i) => ({
      ...i,
      tolerance: i.tolerance ?? 0,
      wholeNumbers: i.wholeNumbers ?? false,
      assumed: i.assumed ?? [],
    })),
    notices: task.notices.map((n) => ({ ...n, ...noticeChain(n), toUnit: unit(n.toUnitId) })),
    urges: (task.urges ?? []).map((u) => ({ ...u, ...urgeReply(u), unit: unit(u.unitId) })),
    instructions: task.instructions.map((i) => ({
      ...i,
      addressedToUnits: i.addressedToUnitIds.map(unit),
    })),
    accountabilityRecords: task.accountabilityRecords.map((a) => ({
      ...a,
      against: { ...a.against, unit: a.against.kind === 'unit' ? unit(a.against.id) : null },
    })),
    bonuses: (task.bonuses ?? []).map((b) => ({ ...b, unit: unit(b.unitId) })),
    ...timeLimitParts(task, unit),
    // Pages projected before matters are the plan's tasks, with no source.
    kind: task.kind ?? 'annual_plan',
    source: task.source ?? null,
    replies: (task.replies ?? []).map((r) => ({ ...r, unit: unit(r.unitId) })),
    evaluations: (task.evaluations ?? []).map((e) => ({ ...e, unit: unit(e.unitId) })),
    redos: task.redos ?? [],
    lightChanges: task.lightChanges ?? [],
  };
};
