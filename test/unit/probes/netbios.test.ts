import { createSocket, type Socket } from 'node:dgram';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeNodeStatusResponse,
  encodeNodeStatusRequest,
  queryNodeStatus,
  type NodeStatus,
} from '../../../electron/engine/probes/netbios';
import { encodeNodeStatusResponse, startHostSimulator, type HostSimulator } from '../../simulator/hosts';

const NETBIOS_PORT = 20137;
const PC = '127.78.0.21';
const SILENT = '127.78.0.22';
const ODD = '127.78.0.23';
const OTHER = '127.78.0.24';

/** The 34-byte encoded "*" name: length 32, "CK", 15 × "AA", root label. */
const WILDCARD_NAME = Buffer.concat([
  Buffer.from([32]),
  Buffer.from('CK' + 'AA'.repeat(15)),
  Buffer.from([0]),
]);

function nodeName(name: string, suffix: number, flags: number): Buffer {
  const entry = Buffer.alloc(18, 0x20);
  entry.write(name, 'latin1');
  entry[15] = suffix;
  entry.writeUInt16BE(flags, 16);
  return entry;
}

/** A response as a Windows 10 PC sends it, with the logged-on user's messenger name. Built by hand. */
function windowsResponse(
  id: number,
  options: { rrName?: Buffer; statistics?: Buffer; flags?: number } = {},
): Buffer {
  const names = [
    nodeName('PC-B12-07', 0x00, 0x0400),
    nodeName('LYCEE-MONNET', 0x00, 0x8400),
    nodeName('PC-B12-07', 0x20, 0x0400),
    nodeName('PC-B12-07', 0x03, 0x0400),
    nodeName('DUPONT.MARIE', 0x03, 0x0400),
    nodeName('LYCEE-MONNET', 0x1e, 0x8400),
    nodeName('\x01\x02__MSBROWSE__\x02', 0x01, 0x8400),
  ];
  const statistics =
    options.statistics ?? Buffer.concat([Buffer.from('3c52820a1b2c', 'hex'), Buffer.alloc(40)]);
  const rdata = Buffer.concat([Buffer.from([names.length]), ...names, statistics]);
  const header = Buffer.from([id >> 8, id & 0xff, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
  header.writeUInt16BE(options.flags ?? 0x8400, 2);
  const rr = Buffer.alloc(10);
  rr.writeUInt16BE(0x21, 0);
  rr.writeUInt16BE(1, 2);
  rr.writeUInt16BE(rdata.length, 8);
  return Buffer.concat([header, options.rrName ?? WILDCARD_NAME, rr, rdata]);
}

describe('encodeNodeStatusRequest', () => {
  it('is the RFC 1002 §4.2.17 request for "*" with QTYPE NBSTAT, QCLASS IN', () => {
    const request = encodeNodeStatusRequest(0x1234);
    expect(request.length).toBe(50);
    expect(request.toString('hex')).toBe(
      '123400000001000000000000' +
        '20' +
        Buffer.from('CK' + 'AA'.repeat(15)).toString('hex') +
        '00' +
        '00210001',
    );
  });

  it.each([-1, 65536, 1.5, NaN])('rejects the transaction id %s', (id) => {
    expect(() => encodeNodeStatusRequest(id)).toThrow(RangeError);
  });
});

describe('decodeNodeStatusResponse', () => {
  it('reads names, computer name, workgroup and MAC from a Windows response', () => {
    const status = decodeNodeStatusResponse(windowsResponse(0xbeef), 0xbeef);
    expect(status.computerName).toBe('PC-B12-07');
    expect(status.workgroup).toBe('LYCEE-MONNET');
    expect(status.mac).toBe('3c:52:82:0a:1b:2c');
    expect(status.names).toEqual([
      { name: 'PC-B12-07', suffix: 0x00, group: false },
      { name: 'LYCEE-MONNET', suffix: 0x00, group: true },
      { name: 'PC-B12-07', suffix: 0x20, group: false },
      { name: 'PC-B12-07', suffix: 0x03, group: false },
      { name: 'LYCEE-MONNET', suffix: 0x1e, group: true },
      { name: '\x01\x02__MSBROWSE__\x02', suffix: 0x01, group: true },
    ]);
  });

  it('never exposes the logged-on user (messenger name <03>)', () => {
    const status = decodeNodeStatusResponse(windowsResponse(1));
    expect(JSON.stringify(status)).not.toContain('DUPONT');
    expect(Object.keys(status).sort()).toEqual(['computerName', 'mac', 'names', 'workgroup']);
  });

  it('gives mac null for an all-zero unit ID (Samba) and for statistics shorter than a unit ID', () => {
    expect(decodeNodeStatusResponse(windowsResponse(1, { statistics: Buffer.alloc(46) })).mac).toBeNull();
    expect(
      decodeNodeStatusResponse(windowsResponse(1, { statistics: Buffer.alloc(3, 0xaa) })).mac,
    ).toBeNull();
    expect(decodeNodeStatusResponse(windowsResponse(1, { statistics: Buffer.alloc(0) })).computerName).toBe(
      'PC-B12-07',
    );
  });

  it('accepts a compressed RR_NAME (a pointer)', () => {
    const status = decodeNodeStatusResponse(windowsResponse(7, { rrName: Buffer.from([0xc0, 0x0c]) }), 7);
    expect(status.computerName).toBe('PC-B12-07');
  });

  it('decodes what the host simulator sends', () => {
    const response = encodeNodeStatusResponse(42, {
      computerName: 'CDI-PC03',
      workgroup: 'PEDAGO',
      mac: '00:1a:2b:3c:4d:5e',
    });
    expect(decodeNodeStatusResponse(response, 42)).toEqual<NodeStatus>({
      names: [
        { name: 'CDI-PC03', suffix: 0x00, group: false },
        { name: 'PEDAGO', suffix: 0x00, group: true },
        { name: 'CDI-PC03', suffix: 0x20, group: false },
      ],
      computerName: 'CDI-PC03',
      workgroup: 'PEDAGO',
      mac: '00:1a:2b:3c:4d:5e',
    });
  });

  it.each([
    [
      'another transaction id',
      () => decodeNodeStatusResponse(windowsResponse(5), 6),
      /transaction 5, expected 6/,
    ],
    ['a request', () => decodeNodeStatusResponse(encodeNodeStatusRequest(5)), /request, not a response/],
    ['an error RCODE', () => decodeNodeStatusResponse(windowsResponse(5, { flags: 0x8403 })), /RCODE 3/],
    ['another opcode', () => decodeNodeStatusResponse(windowsResponse(5, { flags: 0xa800 })), /opcode 5/],
    ['an empty buffer', () => decodeNodeStatusResponse(Buffer.alloc(0)), /truncated: NAME_TRN_ID/],
    [
      'a header alone',
      () => decodeNodeStatusResponse(Buffer.from('0001840000000000000000', 'hex')),
      /truncated/,
    ],
  ])('throws on %s', (_name, decode, message) => {
    expect(decode).toThrow(message);
  });

  it('throws on a response with no answer, or no NBSTAT answer', () => {
    const noAnswer = Buffer.from('000184000000000000000000', 'hex');
    expect(() => decodeNodeStatusResponse(noAnswer)).toThrow(/no answer/);
    const nb = windowsResponse(1);
    nb.writeUInt16BE(0x20, 12 + 34); // RR_TYPE NB instead of NBSTAT
    expect(() => decodeNodeStatusResponse(nb)).toThrow(/no NBSTAT answer/);
  });

  it('throws "truncated" on every prefix of a valid response', () => {
    const full = windowsResponse(9);
    for (let length = 0; length < full.length; length++) {
      expect(() => decodeNodeStatusResponse(full.subarray(0, length)), `length ${length}`).toThrow(
        /truncated/,
      );
    }
  });

  it('survives fuzzing: random and mutated packets only ever throw a NetBIOS Error', () => {
    // A seeded generator (xorshift32) so a failure can be replayed.
    let seed = 0x9e3779b9;
    const random = (below: number): number => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % below;
    };
    const bases = [
      windowsResponse(3),
      windowsResponse(3, { rrName: Buffer.from([0xc0, 0x0c]) }),
      encodeNodeStatusResponse(3, { computerName: 'PC', workgroup: 'WG', mac: '00:11:22:33:44:55' }),
    ];
    let decoded = 0;
    let rejected = 0;
    const check = (packet: Buffer): void => {
      try {
        const status = decodeNodeStatusResponse(packet);
        expect(status.names.length).toBeLessThanOrEqual(255);
        expect(status.mac === null || /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/.test(status.mac)).toBe(true);
        decoded++;
      } catch (error) {
        // Our own errors only: a RangeError from Buffer would mean an out-of-bounds read was attempted.
        expect(error).toBeInstanceOf(Error);
        expect((error as Error).message).toMatch(/^NetBIOS /);
        rejected++;
      }
    };
    for (let i = 0; i < 3000; i++) {
      const packet = Buffer.alloc(random(200));
      for (let j = 0; j < packet.length; j++) packet[j] = random(256);
      if (i % 2 === 0 && packet.length >= 4) packet.writeUInt16BE(0x8400, 2); // get past the flags check
      check(packet);
    }
    for (let i = 0; i < 6000; i++) {
      const base = bases[i % bases.length];
      const packet = Buffer.from(base.subarray(0, base.length - random(4) * random(base.length / 4)));
      for (let flips = 1 + random(4); flips > 0; flips--) packet[random(packet.length)] = random(256);
      check(packet);
    }
    expect(decoded).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(100);
  });
});

describe('queryNodeStatus', () => {
  let simulator: HostSimulator;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    simulator = await startHostSimulator({
      hosts: [
        {
          address: PC,
          tcpPorts: [],
          nbstat: { computerName: 'PC-B12-07', workgroup: 'LYCEE', mac: '3c:52:82:0a:1b:2c' },
        },
        { address: SILENT },
      ],
      portOffset: 20000,
      netbiosPort: NETBIOS_PORT,
    });
  });
  afterAll(() => simulator.stop());
  afterEach(async () => {
    await Promise.all(
      sockets.splice(0).map((socket) => new Promise<void>((done) => socket.close(() => done()))),
    );
  });

  /** A misbehaving responder on ODD:NETBIOS_PORT; `onRequest` gets the request number (1, 2…) and its id. */
  async function oddResponder(
    onRequest: (n: number, id: number, reply: (packet: Buffer, from?: Socket) => void) => void,
  ): Promise<() => number> {
    const socket = createSocket('udp4');
    const other = createSocket('udp4');
    sockets.push(socket, other);
    await new Promise<void>((done) => socket.bind(NETBIOS_PORT, ODD, done));
    await new Promise<void>((done) => other.bind(0, OTHER, done));
    let count = 0;
    socket.on('message', (message, remote) => {
      count++;
      const reply = (packet: Buffer, from: Socket = socket) => from.send(packet, remote.port, remote.address);
      onRequest(count, message.readUInt16BE(0), reply);
    });
    return () => count;
  }

  it('reads a simulated Windows PC', async () => {
    const status = await queryNodeStatus(PC, { port: NETBIOS_PORT, timeoutMs: 2000 });
    expect(status).toEqual({
      names: [
        { name: 'PC-B12-07', suffix: 0, group: false },
        { name: 'LYCEE', suffix: 0, group: true },
        { name: 'PC-B12-07', suffix: 0x20, group: false },
      ],
      computerName: 'PC-B12-07',
      workgroup: 'LYCEE',
      mac: '3c:52:82:0a:1b:2c',
    });
  });

  it('gives null for a host that drops everything', async () => {
    expect(await queryNodeStatus(SILENT, { port: NETBIOS_PORT, timeoutMs: 100, retries: 1 })).toBeNull();
  });

  it('ignores a reply from another address', async () => {
    const requests = await oddResponder((_n, id, reply) => reply(windowsResponse(id), sockets[1]));
    expect(await queryNodeStatus(ODD, { port: NETBIOS_PORT, timeoutMs: 150, retries: 0 })).toBeNull();
    expect(requests()).toBe(1);
  });

  it('ignores a reply with another transaction id, and a malformed one, then takes the right one', async () => {
    await oddResponder((_n, id, reply) => {
      reply(windowsResponse((id + 1) & 0xffff));
      reply(windowsResponse(id).subarray(0, 40));
      reply(windowsResponse(id));
    });
    const status = await queryNodeStatus(ODD, { port: NETBIOS_PORT, timeoutMs: 2000, retries: 0 });
    expect(status?.computerName).toBe('PC-B12-07');
  });

  it('gives null when only wrong transaction ids come back', async () => {
    await oddResponder((_n, id, reply) => reply(windowsResponse(id ^ 0x8000)));
    expect(await queryNodeStatus(ODD, { port: NETBIOS_PORT, timeoutMs: 150, retries: 0 })).toBeNull();
  });

  it('sends again after a silent timeout, with the same transaction id', async () => {
    const ids: number[] = [];
    const requests = await oddResponder((n, id, reply) => {
      ids.push(id);
      if (n === 2) reply(windowsResponse(id));
    });
    const status = await queryNodeStatus(ODD, { port: NETBIOS_PORT, timeoutMs: 200, retries: 2 });
    expect(status?.workgroup).toBe('LYCEE-MONNET');
    expect(requests()).toBe(2);
    expect(ids[0]).toBe(ids[1]);
  });

  it('sends 1 + retries times, then gives null', async () => {
    const requests = await oddResponder(() => undefined);
    expect(await queryNodeStatus(ODD, { port: NETBIOS_PORT, timeoutMs: 60, retries: 2 })).toBeNull();
    expect(requests()).toBe(3);
  });

  it('gives null at once when aborted', async () => {
    const controller = new AbortController();
    const pending = queryNodeStatus(SILENT, {
      port: NETBIOS_PORT,
      timeoutMs: 60_000,
      signal: controller.signal,
    });
    controller.abort();
    expect(await pending).toBeNull();
    const aborted = AbortSignal.abort();
    expect(await queryNodeStatus(PC, { port: NETBIOS_PORT, timeoutMs: 2000, signal: aborted })).toBeNull();
  });

  it('gives null without sending for an address that is not IPv4', async () => {
    expect(await queryNodeStatus('pc-b12-07', { port: NETBIOS_PORT, timeoutMs: 2000 })).toBeNull();
  });
});
