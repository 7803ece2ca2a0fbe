/**
 * Fuzzing the path an SNMP answer takes into Parc (issue 9, part 1). net-snmp decodes an incoming datagram in
 * `Session.prototype.onMsg` (its `dgram` 'message' listener): `Message.createFromBuffer` (asn1-ber), then
 * request matching, version/community checks and the request's feed callback. A throw there would be an
 * uncaught exception in a socket handler, i.e. a dead process. So:
 * 1. thousands of random and mutated responses (real responses encoded by the simulator's codec, then bit
 *    flips, truncations, length-byte lies, random tails, splices) are emitted on the socket of a real
 *    net-snmp session (a fake `dgram` module, so each one is decoded synchronously and matched to a pending
 *    request), with Parc's options; nothing may throw out of the socket handler, and every request settles
 *    with a value or an Error;
 * 2. a few hundred fuzzed datagrams go over UDP on 127.0.0.1 to Parc's own sessions (`createNetSnmpSession`)
 *    waiting for an answer: each request resolves or rejects with an SnmpError, and no uncaughtException.
 * Seeds are fixed, so a failure replays.
 */
import { createSocket, type Socket } from 'node:dgram';
import { EventEmitter } from 'node:events';
import snmp from 'net-snmp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNetSnmpSession, SnmpError } from '../../../../electron/engine/snmp/session';
import {
  decodeRequest,
  encodeResponse,
  type SnmpRequest,
  type Varbind as SimVarbind,
} from '../../../simulator/ber-codec';

/** mulberry32: a small seeded PRNG, [0, 1). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, max: number) => Math.floor(rng() * max);
const pick = <T>(rng: Rng, items: readonly T[]): T => items[int(rng, items.length)];
const randomBytes = (rng: Rng, length: number) => Buffer.from(Array.from({ length }, () => int(rng, 256)));

/** Values of every SMI type and the three exceptions, for the varbinds of a well-formed response. */
const VALUES: readonly ((rng: Rng) => SimVarbind['value'])[] = [
  (rng) => ({ type: 'Integer', value: int(rng, 2 ** 32) - 2 ** 31 }),
  (rng) => ({ type: 'OctetString', value: randomBytes(rng, int(rng, 40)) }),
  () => ({ type: 'Null' }),
  () => ({ type: 'ObjectIdentifier', value: '1.3.6.1.4.1.11.2.3.9.1' }),
  () => ({ type: 'IpAddress', value: '10.1.2.3' }),
  (rng) => ({ type: 'Counter32', value: int(rng, 2 ** 32) }),
  (rng) => ({ type: 'Gauge32', value: int(rng, 2 ** 32) }),
  (rng) => ({ type: 'TimeTicks', value: int(rng, 2 ** 32) }),
  () => ({ type: 'Opaque', value: Buffer.from('9f780441a00000', 'hex') }),
  (rng) => ({ type: 'Counter64', value: BigInt(int(rng, 2 ** 32)) << 31n }),
  () => ({ type: 'noSuchObject' }),
  () => ({ type: 'noSuchInstance' }),
  () => ({ type: 'endOfMibView' }),
];

/** The answer a correct agent could give to `request`: one varbind per OID (GetBulk: a few rows). */
function validResponse(rng: Rng, request: SnmpRequest): Buffer {
  const rows = request.kind === 'getBulk' ? 1 + int(rng, 4) : 1;
  const varbinds: SimVarbind[] = [];
  for (let row = 0; row < rows; row++) {
    for (const oid of request.oids) {
      varbinds.push({ oid: row === 0 ? oid : `${oid}.${row}`, value: pick(rng, VALUES)(rng) });
    }
  }
  return encodeResponse({
    version: request.version,
    community: request.community,
    requestId: request.requestId,
    errorStatus: rng() < 0.1 ? int(rng, 19) : 0,
    errorIndex: rng() < 0.1 ? int(rng, 4) : 0,
    varbinds,
  });
}

/** Ways to damage a message; each returns a new buffer. */
const MUTATIONS: readonly ((rng: Rng, message: Buffer) => Buffer)[] = [
  // bit flips
  (rng, message) => {
    const copy = Buffer.from(message);
    for (let n = 1 + int(rng, 8); n > 0; n--) copy[int(rng, copy.length)] ^= 1 << int(rng, 8);
    return copy;
  },
  // truncation
  (rng, message) => message.subarray(0, int(rng, message.length)),
  // a length byte that lies: a byte after a plausible tag becomes a short, long-form or huge length
  (rng, message) => {
    const copy = Buffer.from(message);
    copy[1 + int(rng, copy.length - 1)] = pick(rng, [0x00, 0x01, 0x7f, 0x80, 0x81, 0x84, 0x89, 0xff]);
    return copy;
  },
  // random tail
  (rng, message) => Buffer.concat([message, randomBytes(rng, 1 + int(rng, 64))]),
  // random bytes inside
  (rng, message) => {
    const at = int(rng, message.length);
    return Buffer.concat([message.subarray(0, at), randomBytes(rng, 1 + int(rng, 16)), message.subarray(at)]);
  },
  // bytes removed inside
  (rng, message) => {
    const at = int(rng, message.length);
    return Buffer.concat([message.subarray(0, at), message.subarray(at + 1 + int(rng, 8))]);
  },
  // pure noise, sometimes starting like a SEQUENCE
  (rng) => {
    const noise = randomBytes(rng, int(rng, 200));
    if (noise.length > 0 && rng() < 0.5) noise[0] = 0x30;
    return noise;
  },
];

/** Several mutations in a row, so that damage compounds. */
function mutate(rng: Rng, message: Buffer): Buffer {
  let result = message;
  for (let n = 1 + int(rng, 3); n > 0; n--) result = pick(rng, MUTATIONS)(rng, result);
  return result;
}

/** The part of `dgram.Socket` net-snmp's Session uses; `send` succeeds at once and keeps the bytes. */
class FakeSocket extends EventEmitter {
  readonly sent: Buffer[] = [];
  send(
    buffer: Buffer,
    offset: number,
    length: number,
    _port: number,
    _address: string,
    callback: (error: Error | null, bytes: number) => void,
  ): void {
    this.sent.push(Buffer.from(buffer.subarray(offset, offset + length)));
    callback(null, length);
  }
  bind(): void {}
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  close(): void {
    this.emit('close');
  }
}

interface RawSession {
  get(oids: string[], cb: (error: Error | null, varbinds?: unknown[]) => void): void;
  getNext(oids: string[], cb: (error: Error | null, varbinds?: unknown[]) => void): void;
  getBulk(
    oids: string[],
    nonRepeaters: number,
    maxRepetitions: number,
    cb: (error: Error | null, varbinds?: unknown[]) => void,
  ): void;
  unregisterRequest(id: number): unknown;
  on(event: 'error', listener: (error: Error) => void): void;
  close(): void;
}

const OIDS = ['1.3.6.1.2.1.1.2.0', '1.3.6.1.2.1.1.1.0', '1.3.6.1.2.1.1.3.0'];

describe('net-snmp decoding under fuzzed answers', () => {
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);
  beforeEach(() => {
    uncaught.length = 0;
    process.on('uncaughtException', onUncaught);
  });
  afterEach(() => {
    process.off('uncaughtException', onUncaught);
  });

  it('never throws out of the socket handler for 20,000 random and mutated responses', () => {
    const rng = random(0x5eed_0009);
    const socket = new FakeSocket();
    // Parc's options (session.ts), with a fake dgram module so that decoding runs synchronously.
    const raw = snmp.createSession('127.0.0.1', 'public', {
      port: 161,
      timeout: 60_000,
      retries: 0,
      version: snmp.Version2c,
      backwardsGetNexts: true,
      idBitsSize: 32,
      dgramModule: { createSocket: () => socket },
    } as snmp.SessionOptions) as unknown as RawSession;
    const decodeErrors: Error[] = [];
    raw.on('error', (error) => decodeErrors.push(error));

    const thrown: { iteration: number; error: unknown }[] = [];
    const outcomes = { value: 0, error: 0, dropped: 0, notAnError: 0 };
    for (let iteration = 0; iteration < 20_000; iteration++) {
      let settled = false;
      const cb = (error: Error | null, varbinds?: unknown[]) => {
        settled = true;
        if (error) {
          if (error instanceof Error) outcomes.error++;
          else outcomes.notAnError++;
        } else if (Array.isArray(varbinds)) outcomes.value++;
        else outcomes.notAnError++;
      };
      const kind = iteration % 3;
      if (kind === 0) raw.get([...OIDS], cb);
      else if (kind === 1) raw.getNext([...OIDS], cb);
      else raw.getBulk([OIDS[0]], 0, 5, cb);
      const request = decodeRequest(socket.sent[socket.sent.length - 1]);
      const valid = validResponse(rng, request);
      const datagram = iteration % 10 === 0 ? valid : mutate(rng, valid);
      try {
        socket.emit('message', datagram, { address: '127.0.0.1', port: 161, family: 'IPv4', size: 0 });
      } catch (error) {
        thrown.push({ iteration, error });
      }
      if (!settled) {
        outcomes.dropped++;
        raw.unregisterRequest(request.requestId);
      }
    }
    raw.close();

    expect(thrown).toEqual([]);
    expect(uncaught).toEqual([]);
    expect(outcomes.notAnError).toBe(0);
    // The fuzzing reached every branch: answers accepted, refused, undecodable, unmatched.
    expect(outcomes.value).toBeGreaterThan(600);
    expect(outcomes.error).toBeGreaterThan(100);
    expect(decodeErrors.length).toBeGreaterThan(1000);
    expect(outcomes.dropped).toBeGreaterThan(1000);
  });

  describe('over UDP, against Parc sessions', () => {
    let agent: Socket;
    let port: number;
    beforeEach(async () => {
      const rng = random(0x0bad_5eed);
      agent = createSocket('udp4');
      // A hostile agent: every request gets five damaged answers (with the right request-id before damage).
      agent.on('message', (message, remote) => {
        let request: SnmpRequest;
        try {
          request = decodeRequest(message);
        } catch {
          return;
        }
        for (let n = 0; n < 5; n++)
          agent.send(mutate(rng, validResponse(rng, request)), remote.port, remote.address);
      });
      agent.on('error', () => undefined);
      await new Promise<void>((resolve) => agent.bind(0, '127.0.0.1', resolve));
      port = agent.address().port;
    });
    afterEach(async () => {
      await new Promise<void>((resolve) => agent.close(() => resolve()));
    });

    it('settles every request with a value or an SnmpError, and the process survives', async () => {
      const kinds: Record<string, number> = {};
      const others: unknown[] = [];
      const run = async () => {
        const session = createNetSnmpSession(
          '127.0.0.1',
          { kind: 'community', version: '2c', community: 'public' },
          { port, timeoutMs: 250, retries: 0 },
        );
        try {
          for (let i = 0; i < 8; i++) {
            try {
              await (i % 2 === 0 ? session.get(OIDS) : session.getNext(OIDS));
              kinds.value = (kinds.value ?? 0) + 1;
            } catch (error) {
              if (error instanceof SnmpError) kinds[error.kind] = (kinds[error.kind] ?? 0) + 1;
              else others.push(error);
            }
          }
        } finally {
          session.close();
        }
      };
      // 8 sessions × 8 requests × 5 datagrams: 320 fuzzed datagrams.
      await Promise.all(Array.from({ length: 8 }, run));

      expect(others).toEqual([]);
      expect(uncaught).toEqual([]);
      expect(Object.values(kinds).reduce((a, b) => a + b, 0)).toBe(64);
      expect(
        Object.keys(kinds).every((kind) => ['value', 'timeout', 'invalid', 'error-status'].includes(kind)),
      ).toBe(true);
      expect(kinds.invalid).toBeGreaterThan(10);
    }, 30_000);
  });
});
