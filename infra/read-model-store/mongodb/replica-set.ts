/**
 * Why a MongoDB server cannot hold the read models, from its answer to `hello`;
 * undefined when it can. A commit writes documents and moves the checkpoint in
 * one transaction, and MongoDB runs transactions only on a replica set member
 * (a single-node replica set will do) or through a sharded cluster's mongos.
 */
export function transactionsUnsupported(hello: Record<string, unknown>): string | undefined {
  const replicaSet = typeof hello.setName === 'string';
  const sharded = hello.msg === 'isdbgrid';
  if (!replicaSet && !sharded) {
    return (
      'the MongoDB server is a standalone mongod, which runs no transactions: ' +
      'start it as a replica set (mongod --replSet rs0, then rs.initiate()) or use a sharded cluster'
    );
  }
  if (
    hello.logicalSessionTimeoutMinutes === undefined ||
    hello.logicalSessionTimeoutMinutes === null
  ) {
    return 'the MongoDB server has no logical sessions, which transactions need';
  }
  return undefined;
}
