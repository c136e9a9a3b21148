import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Middleware, ServiceBroker } from 'moleculer';

/** HMAC-SHA-256 tags are 32 bytes. */
const tagLength = 32;

/** What a packet's tag covers: its kind (INFO, REQ, RES, …) and its serialized payload. */
const tagOf = (key: Buffer, cmd: string, payload: Uint8Array): Buffer =>
  createHmac('sha256', key).update(`dubanju bus packet v1\n${cmd}\n`).update(payload).digest();

/** A serialized packet with its tag appended: `payload ‖ HMAC-SHA-256(key, kind, payload)`. */
export const sealPacket = (key: Buffer, cmd: string, payload: Uint8Array): Buffer =>
  Buffer.concat([payload, tagOf(key, cmd, payload)]);

/** A sealed packet opened: its payload, or why it is refused. */
export type OpenedPacket = { payload: Buffer } | { refused: string };

/** The payload of `sealed` if it was sealed with `key` for a packet of kind `cmd`. */
export const openPacket = (key: Buffer, cmd: string, sealed: Buffer): OpenedPacket => {
  if (sealed.length < tagLength) return { refused: 'not sealed' };
  const payload = sealed.subarray(0, sealed.length - tagLength);
  const tag = sealed.subarray(sealed.length - tagLength);
  return timingSafeEqual(tag, tagOf(key, cmd, payload))
    ? { payload }
    : { refused: "not sealed with this deployment's bus key" };
};

/** Refusals are logged at most this often, with how many there were. */
const logEveryMs = 10_000;

/**
 * Every packet this node puts on the bus is sealed with the deployment's bus
 * key (BUS_KEY_FILE), and every packet it receives is dropped unless that key
 * sealed it. So a client holding NATS credentials but not the key can neither
 * announce services (its INFO is dropped: no call is ever routed to it),
 * answer requests meant for another node (its responses are dropped) nor call
 * anything. Moleculer hooks `transporterSend` and `transporterReceive`, on the
 * serialized bytes, so it holds for every packet kind alike. An HMAC, not a
 * signature per node: every packet pays it, and an Ed25519 signature and check
 * per packet cost 22–34% of the commands over NATS (measured); who may assert
 * what stays with the actor assertions.
 */
export const signedPackets = (key: Buffer, now: () => number = Date.now) => {
  let logger: { warn: (...args: unknown[]) => void } = console;
  let refused = 0;
  let loggedAt = Number.NEGATIVE_INFINITY;

  const dropped = (cmd: string, why: string) => {
    refused += 1;
    if (now() - loggedAt < logEveryMs) return;
    logger.warn({ packet: cmd, why, refusedSinceLast: refused }, 'bus packet refused');
    loggedAt = now();
    refused = 0;
  };

  const middleware = {
    name: 'SignedPackets',
    created(broker: ServiceBroker) {
      logger = broker.getLogger('signed-packets');
    },
    transporterSend(next: (topic: string, data: Buffer, meta: SendMeta) => Promise<unknown>) {
      return (topic: string, data: Buffer, meta: SendMeta) =>
        next(topic, sealPacket(key, meta.packet.type, data), meta);
    },
    transporterReceive(next: (cmd: string, data: Buffer, s: unknown) => unknown) {
      return (cmd: string, data: Buffer, s: unknown) => {
        const opened = openPacket(key, cmd, data);
        if ('refused' in opened) return dropped(cmd, opened.refused);
        return next(cmd, opened.payload, s);
      };
    },
  };
  return middleware as unknown as Middleware;
};

/** What Moleculer's transporter passes along with a packet it sends. */
interface SendMeta {
  packet: { type: string };
}
