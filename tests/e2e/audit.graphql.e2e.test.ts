import { verifyConsistency, verifyInclusion } from '../../domain/merkle/tree.ts';
import { verifyTreeHead } from '../../services/audit/tree-heads.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

const registerUnit = `mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { id position } }`;
const registerTask = `mutation($input: RegisterTaskInput!) { registerTask(input: $input) { id position } }`;
const history = `query($id: ID!) { taskHistory(taskId: $id, first: 200) {
  edges { node { position type leafHash coveredBySignedHead } } } }`;
const headFields = 'treeSize rootHash signedAt keyId publicKey legacyUpTo signature position';
const signTreeHead = `mutation { signTreeHead { ${headFields} } }`;
const latestTreeHead = `{ latestTreeHead { ${headFields} } }`;
const treeHead = `query($size: Int!) { treeHead(size: $size) { ${headFields} } }`;
const inclusionProof = `query($position: Int!, $treeSize: Int!) {
  inclusionProof(position: $position, treeSize: $treeSize) { leafIndex treeSize leafHash proof rootHash }
}`;
const consistencyProof = `query($fromSize: Int!, $toSize: Int!) {
  consistencyProof(fromSize: $fromSize, toSize: $toSize) { fromSize toSize fromRootHash toRootHash proof }
}`;
const publicKey = '{ auditPublicKey { keyId algorithm publicKey pem } }';
const auditHistory = `query($filter: AuditHistoryFilter, $first: Int, $after: String) {
  auditHistory(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { position streamId type businessDate actor { id role } leafHash data } }
    pageInfo { hasNextPage endCursor }
  }
}`;

type Head = {
  treeSize: number;
  rootHash: string;
  signedAt: string;
  keyId: string;
  publicKey: string;
  signature: string;
  position: number;
};
type HistoryRow = {
  position: number;
  type: string;
  leafHash: string;
  coveredBySignedHead: boolean;
};
type Inclusion = {
  leafIndex: number;
  treeSize: number;
  leafHash: string;
  proof: string[];
  rootHash: string;
};

const bytes = (hex: string) => Buffer.from(hex, 'hex');

describe('the audit area of the GraphQL schema', () => {
  let sys: TestSystem;
  let office: string;
  let inspector: string;
  let eduHead: string;
  let taskId: string;

  beforeAll(async () => {
    sys = await startTestSystem({ AUDIT_SIGN_EVERY: '100000', AUDIT_SIGN_SECONDS: '3600' });
    office = await sys.token('office');
    inspector = await sys.token('inspector');
    eduHead = await sys.token('department_head', 'edu');
    await data(registerUnit, { input: { id: 'edu', name: '教育局' } }, office);
    const task = await data<{ registerTask: { id: string } }>(
      registerTask,
      { input: { title: '新建学校3所', plannedStart: '2021-01-01', dueDate: '2021-12-31' } },
      office,
    );
    taskId = task.registerTask.id;
  });
  afterAll(() => sys.stop());

  /** The data of a request that must succeed. */
  const data = async <T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown>,
    token: string,
  ): Promise<T> => {
    const result = await sys.gql<T>(query, variables, token);
    expect(result.errors).toBeUndefined();
    return result.data as T;
  };

  const errorCode = async (query: string, variables: Record<string, unknown>, token: string) => {
    const result = await sys.gql(query, variables, token);
    return result.errors?.[0]?.extensions?.code;
  };

  const taskHistory = async () =>
    (
      await data<{ taskHistory: { edges: { node: HistoryRow }[] } }>(
        history,
        { id: taskId },
        inspector,
      )
    ).taskHistory.edges.map((edge) => edge.node);

  it('shows in taskHistory each event leaf hash, and covered only once a head is signed', async () => {
    const before = await taskHistory();
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((event) => /^[0-9a-f]{64}$/.test(event.leafHash))).toBe(true);
    expect(before.map((event) => event.coveredBySignedHead)).toEqual(before.map(() => false));

    const { signTreeHead: head } = await data<{ signTreeHead: Head }>(signTreeHead, {}, inspector);
    expect(verifyTreeHead(head)).toBe(true);
    const after = await taskHistory();
    expect(after.map((event) => event.coveredBySignedHead)).toEqual(after.map(() => true));
    expect(after.map((event) => event.leafHash)).toEqual(before.map((event) => event.leafHash));
  });

  it('returns inclusion proofs that verify against the signed head, for the leaf taskHistory shows', async () => {
    const { latestTreeHead: head } = await data<{ latestTreeHead: Head }>(
      latestTreeHead,
      {},
      inspector,
    );
    for (const event of await taskHistory()) {
      const { inclusionProof: proof } = await data<{ inclusionProof: Inclusion }>(
        inclusionProof,
        { position: event.position, treeSize: head.treeSize },
        inspector,
      );
      expect(proof.leafHash).toBe(event.leafHash);
      expect(proof.rootHash).toBe(head.rootHash);
      const ok = verifyInclusion(
        bytes(proof.leafHash),
        proof.leafIndex,
        proof.treeSize,
        proof.proof.map(bytes),
        bytes(head.rootHash),
      );
      expect(ok).toBe(true);
    }
  });

  it('returns consistency proofs between signed heads that verify, and each head by its size', async () => {
    const { latestTreeHead: older } = await data<{ latestTreeHead: Head }>(
      latestTreeHead,
      {},
      inspector,
    );
    await data(registerUnit, { input: { id: 'env', name: '生态环境局' } }, office);
    const { signTreeHead: newer } = await data<{ signTreeHead: Head }>(signTreeHead, {}, office);
    expect(newer.treeSize).toBeGreaterThan(older.treeSize);
    const { consistencyProof: proof } = await data<{
      consistencyProof: { fromRootHash: string; toRootHash: string; proof: string[] };
    }>(consistencyProof, { fromSize: older.treeSize, toSize: newer.treeSize }, inspector);
    const ok = verifyConsistency(
      older.treeSize,
      newer.treeSize,
      proof.proof.map(bytes),
      bytes(older.rootHash),
      bytes(newer.rootHash),
    );
    expect(ok).toBe(true);
    const found = await data<{ treeHead: Head }>(treeHead, { size: older.treeSize }, inspector);
    expect(found.treeHead).toEqual(older);
  });

  it('publishes the key the heads are signed with', async () => {
    const { auditPublicKey: key } = await data<{
      auditPublicKey: { keyId: string; algorithm: string; publicKey: string; pem: string };
    }>(publicKey, {}, eduHead);
    const { latestTreeHead: head } = await data<{ latestTreeHead: Head }>(
      latestTreeHead,
      {},
      inspector,
    );
    expect(key).toMatchObject({
      algorithm: 'Ed25519',
      keyId: head.keyId,
      publicKey: head.publicKey,
    });
    expect(key.pem).toContain('BEGIN PUBLIC KEY');
    expect(verifyTreeHead(head, Buffer.from(key.publicKey, 'base64'))).toBe(true);
  });

  it('searches the history across streams, filtered and paged', async () => {
    const filter = { types: ['UnitRegistered'] };
    const first = await data<{
      auditHistory: {
        totalCount: number;
        edges: { cursor: string; node: { streamId: string; type: string; leafHash: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    }>(auditHistory, { filter, first: 1 }, inspector);
    expect(first.auditHistory.totalCount).toBe(2);
    expect(first.auditHistory.edges[0]?.node).toMatchObject({
      streamId: 'unit-edu',
      type: 'UnitRegistered',
    });
    expect(first.auditHistory.pageInfo.hasNextPage).toBe(true);
    const second = await data<typeof first>(
      auditHistory,
      { filter, first: 1, after: first.auditHistory.pageInfo.endCursor },
      inspector,
    );
    expect(second.auditHistory.edges[0]?.node.streamId).toBe('unit-env');
    expect(second.auditHistory.pageInfo.hasNextPage).toBe(false);
  });

  it('answers with the error codes the clients branch on', async () => {
    expect(await errorCode(auditHistory, {}, eduHead)).toBe('FORBIDDEN');
    expect(await errorCode(inclusionProof, { position: 1, treeSize: 1 }, office)).toBe('FORBIDDEN');
    expect(await errorCode(signTreeHead, {}, eduHead)).toBe('FORBIDDEN');
    expect(await errorCode(treeHead, { size: 99_999 }, inspector)).toBe('NOT_FOUND');
    const beyond = await sys.gql(inclusionProof, { position: 1, treeSize: 99_999 }, inspector);
    expect(beyond.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'treeSize' });
    expect(await errorCode(latestTreeHead, {}, '')).toBe('UNAUTHENTICATED');
  });
});
