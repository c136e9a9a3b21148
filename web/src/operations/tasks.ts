/** The task page, its history a page at a time, and what the boards say of it. */

/** Events a page of the history holds: the newest first, then as many more each time. */
export const historyPageSize = 100;

const historySelection = `history(last: ${historyPageSize}, before: $before) {
    edges { node { position type recordedAt actor { id role name unitId } proxySource coveredBySignedHead } }
    pageInfo { hasPreviousPage startCursor } }`;

export const taskQuery = /* GraphQL */ `query TaskPage($id: ID!, $before: String) { task(id: $id) {
  id title description section status progress plannedStart dueDate
  leadUnit { id name } cooperatingUnits { id name } responsibleLeader assumed
  milestones { id title dueDate originalDueDate weight assumed progress status overdue lastNote
    lastEvidence { fileName sha256 size } ownerUnit { id name } }
  extensions { id milestoneId status stage currentDueDate requestedDueDate reason requestedAt requestedBy
    reviewedAt reviewedBy reviewComment decidedAt decidedBy newDueDate rejectionReason }
  blockages { id description status waitingOnUnit { id name } reportedByUnit { id name } escalationLevel resolution
    partDone { unit { id name } note } }
  indicators { id name unitOfMeasure target comparison dueDate baseline tolerance assumed
    latestSelfReported { value asOf } latestMeasured { value asOf } }
  notices { id level toUnit { id name } subject body replyDueDate answered answer
    addressee { role unitId official } escalatedFrom { kind noticeId urgeId } escalatedTo overdueOn }
  urges { urgeId unit { id name } message replyBy urgedOn by cause answer answeredOn overdueOn escalatedTo }
  reportingCycle
  missedReports { unit { id name } cycle periodStart periodEnd recordedOn }
  drafts { draftId milestoneId unit { id name } percent note draftedBy draftedAt status decidedBy decidedAt returnReason draftedByName }
  instructions { id text issuedAt issuedBy }
  bonuses { id unit { id name } kind points reason awardedOn awardedBy }
  kind source { kind documentNumber issuer issuedOn originalText channel }
  replies { id text documentNumber unit { id name } repliedOn }
  evaluations { id replyId rating comment recordedOn }
  redos { previousDueDate dueDate reopenedOn }
  signatures { unit { id name } current }
  suspended
  suspensions { reason suspendedAt resumeReason resumedAt workingDaysShifted }
  returnRequests { unit { id name } reason requestedAt ruling toUnit { id name } rulingReason ruledAt }
  proposals { change reason proposedAt decision comment decidedAt decidedBy }
  rolledUpProgress parentTask { id title }
  subTasks { taskId title unit { id name } weight dueDate progress status }
  lightChanges { day from to reasons actual expected }
  ${historySelection} } }`;

export const earlierHistoryQuery = /* GraphQL */ `query TaskHistoryEarlier($id: ID!, $before: String) { task(id: $id) { ${historySelection} } }`;

export const taskBoardsQuery = /* GraphQL */ `query TaskBoards($id: ID!, $unitId: ID) {
  stageBoard(filter: { taskId: $id }, first: 100) { day nodes { milestoneId state limitDate } }
  progressBoard(filter: { unitId: $unitId }, first: 100) { nodes { taskId light limitDate } }
  blockageBoard(first: 100) { nodes { taskId blockageId chain inCycle } } }`;

/** The lights of a split task's sub-tasks: the progress board of the lead unit's subtree. */
export const subTaskLightsQuery = /* GraphQL */ `query SubTaskLights($unitId: ID!) {
  progressBoard(filter: { unitSubtree: $unitId }, first: 200) { nodes { taskId light } } }`;

export const taskPositionQuery =
  /* GraphQL */ 'query TaskPosition($id: ID!) { task(id: $id) { position } }';
