/** What exports and printouts ask for beyond the pages they come from. */

/** The day the boards are for today, by the server's clock (the unit's task list does not say). */
export const boardDayQuery = /* GraphQL */ 'query BoardDay { progressBoard(first: 1) { day } }';

/** A task's supervision notices (督办单) with the day each was issued, for the printed slip. */
export const noticeSheetQuery = /* GraphQL */ `query NoticeSheet($id: ID!) { task(id: $id) {
  id title notices { id level toUnit { id name } subject body replyDueDate issuedAt } } }`;
