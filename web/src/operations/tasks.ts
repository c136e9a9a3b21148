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
  drafts { draftId milestoneId unit { id name } percent note draftedBy draftedAt status decidedBy decidedAt returnReason }
  instructions { id text issuedAt issuedBy }
  bonuses { id unit { id name } kind points reason awardedOn awardedBy }
  signatures { unit { id name } current }
  suspended
  suspensions { reason suspendedAt resumeReason resumedAt workingDaysShifted }
  returnRequests { unit { id name } reason requestedAt ruling toUnit { id name } rulingReason ruledAt }
  proposals { change reason proposedAt decision comment decidedAt decidedBy }
  ${historySelection} } }`;

export const earlierHistoryQuery = /* GraphQL */ `query TaskHistoryEarlier($id: ID!, $before: String) { task(id: $id) { ${historySelection} } }`;

export const taskBoardsQuery = /* GraphQL */ `query TaskBoards($id: ID!, $unitId: ID) {
  stageBoard(filter: { taskId: $id }, first: 100) { day nodes { milestoneId state limitDate } }
  progressBoard(filter: { unitId: $unitId }, first: 100) { nodes { taskId light limitDate } }
  blockageBoard(first: 100) { nodes { taskId blockageId chain inCycle } } }`;

export const taskPositionQuery =
  /* GraphQL */ 'query TaskPosition($id: ID!) { task(id: $id) { position } }';
