import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signToken } from '../../infra/auth/tokens.ts';
import { loadOrCreateSigningKey } from '../../infra/keys/signing-key.ts';
import type { ChildSystem } from '../support/child-system.ts';
import { startChildSystem } from '../support/child-system.ts';
import type { NatsServer } from '../support/nats-server.ts';
import { natsUnavailableReason, startNatsServer } from '../support/nats-server.ts';
import { dropSchemas, freshSchema, schemaUrl } from '../support/postgres.ts';

/*
 * Three node processes over a real nats-server, on embedded stores shared in one
 * DATA_DIR, then on PostgreSQL: the gateway; tasks, directory, rules and supervision; projector, views,
 * boards and audit. Each group signs in to NATS as itself under the shipped
 * permissions (infra/deploy/nats-permissions.conf) and signs its calls' actors
 * with its own identity key. Each test leaves the cluster running for the next.
 */

type Result = {
  data?: Record<string, Record<string, unknown> | null>;
  errors?: { message: string; extensions?: { code?: string } }[];
};

const secret = 'distributed-e2e-secret-0123456789abcdef';
const commandServices = 'tasks,directory,rules,supervision';
const projectionServices = 'projector,views,boards,audit';
const servicesReady = /services .* ready/;

/** Each node group signs in to NATS as itself, under the shipped permissions. */
const natsPasswords = {
  gateway: 'gw-e2e-pass',
  commands: 'cmd-e2e-pass',
  projection: 'proj-e2e-pass',
};
const groupOf = (services: string): keyof typeof natsPasswords =>
  services === 'gateway' ? 'gateway' : services === commandServices ? 'commands' : 'projection';

const post = async (url: string, token: string, query: string, variables: object = {}) => {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Result;
};

const must = async (url: string, token: string, query: string, variables: object = {}) => {
  const result = await post(url, token, query, variables);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return Object.values(result.data ?? {})[0] as Record<string, unknown>;
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `look` until it answers true; fails naming `what` after `ms`. */
const eventually = async (what: string, look: () => Promise<boolean>, ms = 60_000) => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await look().catch(() => false)) return;
    await pause(100);
  }
  throw new Error(`${what}: not within ${ms} ms`);
};

const reportProgress = `mutation($input: ReportProgressInput!) { reportProgress(input: $input) { position } }`;
const reportBlockage = `mutation($input: ReportBlockageInput!) { reportBlockage(input: $input) { blockageId position } }`;
const historyQuery = `query($id: ID!, $after: String) { taskHistory(taskId: $id, first: 200, after: $after) {
  edges { node { position type data } } pageInfo { hasNextPage endCursor } } }`;
const taskQuery = `query($id: ID!) { task(id: $id) {
  id title status progress position leadUnit { id name } cooperatingUnits { id name }
  milestones { id progress status } blockages { id description status waitingOnUnitId }
} }`;

type HistoryEvent = { position: number; type: string; data: Record<string, unknown> };
type HistoryPage = {
  edges: { node: HistoryEvent }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

/** The key a writer gave a mutation: the progress note, or the blockage's description. */
const keyOf = (event: HistoryEvent): string | null => {
  if (event.type === 'MilestoneProgressReported') return event.data.note as string;
  if (event.type === 'BlockageReported') return event.data.description as string;
  return null;
};

type Target = { taskId: string; milestoneId: string };

/**
 * Writers sending progress reports and blockages, each with a key of its own,
 * round the `targets` (so no one task's history outgrows a NATS message) with a
 * short pause each; every answer with data is an acknowledgement, every error's
 * code is kept.
 */
const startWriters = (url: string, token: string, targets: Target[]) => {
  const acknowledged = new Map<string, number>();
  const errorCodes: string[] = [];
  let sent = 0;
  let stopped = false;
  const write = async () => {
    const n = sent++;
    const target = targets[n % targets.length]!;
    const key = `w-${process.pid}-${Date.now()}-${n}`;
    const blockage = n % 3 === 0;
    const result = blockage
      ? await post(url, token, reportBlockage, {
          input: { taskId: target.taskId, description: key, waitingOnUnitId: 'env' },
        })
      : await post(url, token, reportProgress, {
          input: { ...target, percent: n % 100, note: key },
        });
    const answer = Object.values(result.data ?? {})[0];
    if (answer) acknowledged.set(key, answer.position as number);
    else errorCodes.push(result.errors?.[0]?.extensions?.code ?? 'NONE');
  };
  const loop = async () => {
    while (!stopped) {
      await write();
      await pause(10);
    }
  };
  const loops = Array.from({ length: 4 }, loop);
  return {
    acknowledged,
    errorCodes,
    /** Waits until `more` further mutations were acknowledged. */
    async more(more: number, ms = 60_000) {
      const target = acknowledged.size + more;
      await eventually(
        `${more} more acknowledgements`,
        async () => acknowledged.size >= target,
        ms,
      );
    },
    async stop() {
      stopped = true;
      await Promise.all(loops);
    },
  };
};

/** Where the nodes keep events, read models and leases, and what else a run covers. */
interface ClusterStores {
  name: string;
  env: () => Record<string, string>;
  cleanUp: () => Promise<void>;
  /** The NATS restarts: the bus's own, run once (on the embedded stores). */
  busOutages: boolean;
}

const describeCluster = (stores: ClusterStores) =>
  (natsUnavailableReason() ? describe.skip : describe)(
    `services on three nodes over NATS, ${stores.name}`,
    () => {
      let nats: NatsServer;
      let dataDir: string;
      let gateway: ChildSystem;
      let commands: ChildSystem;
      let projection: ChildSystem;
      const spare: ChildSystem[] = [];
      let keyDir: string;
      let trustedKeys: string;
      let office: string;
      let edu: string;
      let env: string;

      /** A node of one group: signed in to NATS as the group, with the group's identity key. */
      const nodeEnv = (services: string) => {
        const kind = groupOf(services);
        return {
          SERVICES: services,
          NODE_KIND: kind,
          NATS_USER: kind,
          NATS_PASSWORD: natsPasswords[kind],
          NODE_KEY_FILE: path.join(keyDir, `${kind}.pem`),
          NODE_TRUSTED_KEYS: trustedKeys,
          ...sharedEnv(),
        };
      };
      const sharedEnv = () => ({
        DATA_DIR: dataDir,
        TRANSPORTER: `nats://127.0.0.1:${nats.port}`,
        ...stores.env(),
        JWT_SECRET: secret,
        LEASE_TTL_MS: '1500',
        PROJECTOR_POLL_MS: '100',
        // The writers here are one actor sending as fast as it can.
        RATE_LIMIT_PER_MINUTE: '0',
      });
      const startProjection = () =>
        startChildSystem(nodeEnv(projectionServices), 30_000, { ready: servicesReady });

      /** One task's history; right after an outage the views' node may still be finding its way back. */
      const historyOf = async (taskId: string): Promise<HistoryEvent[]> => {
        let history: HistoryEvent[] = [];
        let errors: unknown;
        await eventually('the task history', async () => {
          history = [];
          let after: string | null = null;
          for (;;) {
            const result = await post(gateway.url, office, historyQuery, { id: taskId, after });
            errors = result.errors;
            if (result.errors) return false;
            const page = result.data?.taskHistory as unknown as HistoryPage | undefined;
            history.push(...(page?.edges ?? []).map((edge) => edge.node));
            if (!page?.pageInfo.hasNextPage) break;
            after = page.pageInfo.endCursor;
          }
          return history.length > 0;
        }).catch((error: Error) => {
          const logged = gateway.output.filter((line) => /"level":(40|50)/.test(line)).slice(-3);
          throw new Error(`${error.message}: ${JSON.stringify(errors)}\n${logged.join('\n')}`);
        });
        return history;
      };

      /**
       * Reads the targets' histories and checks every acknowledged mutation is there
       * once, at the position acknowledged, and no key is stored twice.
       */
      const checkHistories = async (targets: Target[], acknowledged: Map<string, number>) => {
        const histories = new Map<string, HistoryEvent[]>();
        const stored = new Map<string, number[]>();
        for (const { taskId } of targets) {
          const history = await historyOf(taskId);
          histories.set(taskId, history);
          for (const event of history) {
            const key = keyOf(event);
            if (key) stored.set(key, [...(stored.get(key) ?? []), event.position]);
          }
        }
        for (const [key, position] of acknowledged) expect(stored.get(key)).toEqual([position]);
        for (const positions of stored.values()) expect(positions).toHaveLength(1);
        return histories;
      };

      /** Waits until each task view reflects its whole history, then checks nothing is lost or doubled. */
      const checkAllConverged = async (histories: Map<string, HistoryEvent[]>) => {
        for (const [taskId, history] of histories) await checkConverged(taskId, history);
      };

      const checkConverged = async (taskId: string, history: HistoryEvent[]) => {
        const last = history.at(-1);
        let view: Record<string, unknown> = {};
        await eventually('the task view reaching the end of the history', async () => {
          view = await must(gateway.url, office, taskQuery, { id: taskId });
          return view.position === last?.position;
        });
        const reported = history.filter((event) => event.type === 'BlockageReported');
        const blockages = view.blockages as { id: string }[];
        expect(blockages.map((blockage) => blockage.id).sort()).toEqual(
          reported.map((event) => event.data.blockageId as string).sort(),
        );
        const progress = history.filter((event) => event.type === 'MilestoneProgressReported');
        const milestones = view.milestones as { progress: number }[];
        expect(milestones[0]?.progress).toBe(progress.at(-1)?.data.percent ?? 0);
      };

      /** Fresh tasks for one test, assigned to edu with env cooperating, one milestone each. */
      const newTasks = async (count: number): Promise<Target[]> => {
        const targets: Target[] = [];
        for (let i = 0; i < count; i++) {
          const task = await must(
            gateway.url,
            office,
            'mutation($title: String!) { registerTask(input: {title: $title, plannedStart: "2021-01-01", dueDate: "2021-12-31"}) { id } }',
            { title: `任务 ${i}` },
          );
          const taskId = task.id as string;
          await must(
            gateway.url,
            office,
            'mutation($t: ID!) { assignTask(input: {taskId: $t, leadUnitId: "edu", cooperatingUnitIds: ["env"]}) { revision } }',
            { t: taskId },
          );
          const milestone = await must(
            gateway.url,
            office,
            'mutation($t: ID!) { planMilestone(input: {taskId: $t, title: "节点", dueDate: "2021-06-30"}) { milestoneId } }',
            { t: taskId },
          );
          targets.push({ taskId, milestoneId: milestone.milestoneId as string });
        }
        return targets;
      };

      beforeAll(async () => {
        nats = await startNatsServer({
          include: {
            file: path.resolve('infra', 'deploy', 'nats-permissions.conf'),
            env: {
              NATS_GATEWAY_PASSWORD: natsPasswords.gateway,
              NATS_COMMANDS_PASSWORD: natsPasswords.commands,
              NATS_PROJECTION_PASSWORD: natsPasswords.projection,
            },
          },
        });
        dataDir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-distributed-'));
        keyDir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-node-keys-'));
        trustedKeys = (['gateway', 'commands', 'projection'] as const)
          .map((kind) => {
            const key = loadOrCreateSigningKey(path.join(keyDir, `${kind}.pem`));
            const may = kind === 'gateway' ? 'person' : 'system+forward';
            return `${kind}:${may}:${key.publicKeyRaw.toString('base64url')}`;
          })
          .join(',');
        [gateway, commands, projection] = await Promise.all([
          startChildSystem(nodeEnv('gateway'), 30_000),
          startChildSystem(nodeEnv(commandServices), 30_000, { ready: servicesReady }),
          startProjection(),
        ]);
        office = await signToken(secret, { sub: 'office', role: 'office' });
        edu = await signToken(secret, { sub: 'edu-head', role: 'department_head', unit: 'edu' });
        env = await signToken(secret, { sub: 'env-head', role: 'department_head', unit: 'env' });
        await eventually('the gateway ready', async () => {
          return (await fetch(`${gateway.url}/readyz`)).status === 200;
        });
      }, 90_000);

      afterAll(async () => {
        for (const node of [gateway, commands, projection, ...spare]) await node?.kill('SIGTERM');
        await nats?.dispose();
        rmSync(dataDir, { recursive: true, force: true });
        rmSync(keyDir, { recursive: true, force: true });
        await stores.cleanUp();
      }, 60_000);

      it('runs the foundation scenario through the gateway', async () => {
        const url = gateway.url;
        await must(
          url,
          office,
          'mutation { registerUnit(input: {id: "edu", name: "教育局"}) { id } }',
        );
        await must(
          url,
          office,
          'mutation { registerUnit(input: {id: "env", name: "生态环境局"}) { id } }',
        );
        const task = await must(
          url,
          office,
          'mutation { registerTask(input: {title: "新建学校3所", section: "二、民生实事", plannedStart: "2021-01-01", dueDate: "2021-12-31"}) { id } }',
        );
        const taskId = task.id as string;
        await must(
          url,
          office,
          'mutation($t: ID!) { assignTask(input: {taskId: $t, leadUnitId: "edu", cooperatingUnitIds: ["env"], responsibleLeader: "王副区长"}) { revision } }',
          { t: taskId },
        );
        const milestone = await must(
          url,
          office,
          'mutation($t: ID!) { planMilestone(input: {taskId: $t, title: "完成选址", dueDate: "2021-03-31"}) { milestoneId } }',
          { t: taskId },
        );
        const milestoneId = milestone.milestoneId as string;
        await must(url, edu, reportProgress, {
          input: { taskId, milestoneId, percent: 60, note: '已选址两处' },
        });
        const blockage = await must(url, edu, reportBlockage, {
          input: { taskId, description: '用地手续待批', waitingOnUnitId: 'env' },
        });
        await must(
          url,
          env,
          'mutation($input: DeclareBlockagePartDoneInput!) { declareBlockagePartDone(input: $input) { position } }',
          { input: { taskId, blockageId: blockage.blockageId, note: '用地手续已批复' } },
        );
        await must(
          url,
          edu,
          'mutation($input: ResolveBlockageInput!) { resolveBlockage(input: $input) { position } }',
          { input: { taskId, blockageId: blockage.blockageId, resolution: '已协调办结' } },
        );

        const history = await historyOf(taskId);
        expect(history.map((event) => event.type)).toEqual([
          'TaskRegistered',
          'TaskAssigned',
          'MilestonePlanned',
          'MilestoneProgressReported',
          'BlockageReported',
          'BlockagePartDeclaredDone',
          'BlockageResolved',
        ]);
        await checkConverged(taskId, history);
        const view = await must(url, office, taskQuery, { id: taskId });
        expect(view).toMatchObject({
          title: '新建学校3所',
          status: 'IN_PROGRESS',
          leadUnit: { id: 'edu', name: '教育局' },
          cooperatingUnits: [{ id: 'env', name: '生态环境局' }],
          milestones: [{ id: milestoneId, progress: 60, status: 'OPEN' }],
          blockages: [{ id: blockage.blockageId, status: 'RESOLVED', waitingOnUnitId: 'env' }],
        });
      }, 90_000);

      it('loses and doubles nothing when the projector is killed mid-write and started again', async () => {
        const targets = await newTasks(6);
        const writers = startWriters(gateway.url, edu, targets);
        await writers.more(20);
        await projection.kill('SIGKILL');
        // Commands keep being acknowledged while nothing projects.
        await writers.more(20);
        projection = await startProjection();
        await writers.more(10);
        await writers.stop();
        expect(writers.errorCodes).toEqual([]);

        await checkAllConverged(await checkHistories(targets, writers.acknowledged));
      }, 180_000);

      it('hands the projector over to a standby within a few seconds of the active one dying', async () => {
        await projection.waitFor(/lease projector: taken/);
        const standby = await startProjection();
        spare.push(standby);
        const targets = await newTasks(6);
        const writers = startWriters(gateway.url, edu, targets);
        await writers.more(10);
        const killedAt = Date.now();
        await projection.kill('SIGKILL');
        await standby.waitFor(/lease projector: taken/, 15_000);
        process.stdout.write(
          `standby took the projector over ${Date.now() - killedAt} ms after the kill\n`,
        );
        await writers.more(10);
        await writers.stop();

        await checkAllConverged(await checkHistories(targets, writers.acknowledged));
        projection = standby;
        spare.pop();
      }, 180_000);

      it('loses and doubles nothing acknowledged when a command node is killed mid-append', async () => {
        const second = await startChildSystem(nodeEnv(commandServices), 30_000, {
          ready: servicesReady,
        });
        const targets = await newTasks(6);
        const writers = startWriters(gateway.url, edu, targets);
        await writers.more(20);
        await commands.kill('SIGKILL');
        // The other command node goes on taking the writes.
        await writers.more(30);
        await writers.stop();
        commands = second;
        process.stdout.write(
          `command node killed: ${writers.acknowledged.size} acknowledged, ` +
            `${writers.errorCodes.length} refused (${[...new Set(writers.errorCodes)].join(', ')})\n`,
        );
        // A call the killed node had taken answers an error, never a false acknowledgement.
        expect(writers.errorCodes.filter((code) => code !== 'UNAVAILABLE')).toEqual([]);
        await checkAllConverged(await checkHistories(targets, writers.acknowledged));
      }, 180_000);

      /**
       * Kills NATS under a burst of writes, keeps it down `downMs`, starts it again and
       * checks the outcome: every call answered with data or UNAVAILABLE, every
       * acknowledged one stored once, the same node processes serving afterwards.
       */
      const natsRestart = async (downMs: number) => {
        const nodes = [gateway, commands, projection];
        const targets = await newTasks(6);
        const writers = startWriters(gateway.url, edu, targets);
        await writers.more(20);
        await nats.stop('SIGKILL');
        await pause(downMs);
        await nats.restart();
        await writers.more(20, 90_000);
        await writers.stop();
        process.stdout.write(
          `NATS down ${downMs} ms: ${writers.acknowledged.size} acknowledged, ` +
            `${writers.errorCodes.length} answered UNAVAILABLE\n`,
        );

        expect(writers.errorCodes.filter((code) => code !== 'UNAVAILABLE')).toEqual([]);
        for (const node of nodes) expect(node.child.exitCode).toBeNull();
        const histories = await checkHistories(targets, writers.acknowledged);
        await checkAllConverged(histories);
        // Recovered without restarting anything: a fresh command goes through.
        const [first] = targets;
        const after = await must(gateway.url, edu, reportProgress, {
          input: { ...first, percent: 99, note: `after ${downMs} ms without NATS` },
        });
        const last = Math.max(
          ...[...histories.values()].map((history) => history.at(-1)?.position ?? 0),
        );
        expect(after.position).toBeGreaterThan(last);
      };

      if (stores.busOutages) {
        it('rides out a NATS restart shorter than the heartbeat timeout: calls wait and succeed', async () => {
          await natsRestart(1000);
        }, 180_000);

        it('rides out a NATS outage longer than the heartbeat timeout: calls fail UNAVAILABLE, the nodes find each other again', async () => {
          await natsRestart(12_000);
        }, 180_000);
      }
    },
  );

describeCluster({
  name: 'on embedded stores shared in one DATA_DIR',
  // The nodes of this host share DATA_DIR, and its leases.
  env: () => ({ LEASE_STORE: 'embedded' }),
  cleanUp: async () => {},
  busOutages: true,
});

const clusterSchema = freshSchema('cluster');
describeCluster({
  name: 'on PostgreSQL (events, read models and leases)',
  env: () => ({
    EVENT_STORE_URL: schemaUrl(clusterSchema),
    READ_MODEL_STORE_URL: schemaUrl(clusterSchema),
    LEASE_STORE: 'postgres',
  }),
  cleanUp: () => dropSchemas([clusterSchema]),
  busOutages: false,
});

if (natsUnavailableReason()) {
  console.warn(`services on three nodes over NATS: skipped, ${natsUnavailableReason()}`);
}
