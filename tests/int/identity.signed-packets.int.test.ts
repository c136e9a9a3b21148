import { randomBytes } from 'node:crypto';
import { Errors, ServiceBroker } from 'moleculer';
import { openPacket, sealPacket, signedPackets } from '../../infra/identity/signed-packets.ts';

/*
 * Brokers on Moleculer's in-memory transporter: a caller and a services node
 * holding the deployment's bus key, and a rogue on the same bus sealing with a
 * key of its own, that announces the same service.
 */

const busKey = randomBytes(32);

const brokerOf = (nodeID: string, key: Buffer) =>
  new ServiceBroker({
    nodeID,
    namespace: 'signed-packets-int',
    transporter: 'Fake',
    logger: false,
    requestTimeout: 1_000,
    middlewares: [signedPackets(key)],
  });

const caller = brokerOf('caller', busKey);
const services = brokerOf('services', busKey);
const rogue = brokerOf('rogue', randomBytes(32));
const rogueHeard: string[] = [];

beforeAll(async () => {
  services.createService({ name: 'units', actions: { known: () => 'services' } });
  rogue.createService({
    name: 'units',
    actions: {
      known: () => {
        rogueHeard.push('known');
        return 'rogue';
      },
    },
  });
  // The rogue first: it hears what the others announce as they start.
  await rogue.start();
  await Promise.all([services.start(), caller.start()]);
  await caller.waitForServices(['units'], 5_000);
});

afterAll(async () => {
  await Promise.all([caller.stop(), services.stop(), rogue.stop()]);
});

describe('sealed bus packets', () => {
  it('route every call to the node holding the key, never to a rogue announcing the same service', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => caller.call<string, unknown>('units.known', {})),
    );
    expect(new Set(answers)).toEqual(new Set(['services']));
    expect(rogueHeard).toEqual([]);
    const known = caller.registry.nodes.toArray().map((node: { id: string }) => node.id);
    expect(known).toContain('services');
    expect(known).not.toContain('rogue');
  });

  it('leave a rogue’s calls unanswered', async () => {
    const failed = await rogue.call('units.known', {}, { nodeID: 'services' }).then(
      () => null,
      (error: unknown) => error,
    );
    // It heard nothing it could open, so it does not even know the node.
    expect(failed).toBeInstanceOf(Errors.MoleculerError);
    expect(rogueHeard).toEqual([]);
  });

  it('open only with the same key, kind and bytes', () => {
    const payload = Buffer.from('{"ver":"5","sender":"a"}');
    const sealed = sealPacket(busKey, 'REQ', payload);
    const opened = openPacket(busKey, 'REQ', sealed);
    expect('payload' in opened && opened.payload.equals(payload)).toBe(true);
    const foreign = { refused: "not sealed with this deployment's bus key" };
    expect(openPacket(busKey, 'RES', sealed)).toEqual(foreign);
    const altered = Buffer.from(sealed);
    altered[9] = 'b'.charCodeAt(0);
    expect(openPacket(busKey, 'REQ', altered)).toEqual(foreign);
    expect(openPacket(busKey, 'REQ', Buffer.from('{}'))).toEqual({ refused: 'not sealed' });
    // A plain broker's packet, long enough to be read as sealed.
    const plain = Buffer.from(JSON.stringify({ ver: '5', sender: 'rogue', data: 'x'.repeat(300) }));
    expect(openPacket(busKey, 'REQ', plain)).toEqual(foreign);
    expect(openPacket(busKey, 'REQ', sealPacket(randomBytes(32), 'REQ', payload))).toEqual(foreign);
  });
});
