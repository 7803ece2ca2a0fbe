import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { decodeNodeStatusResponse, encodeNodeStatusRequest } from '../../../electron/engine/probes/netbios';
import { probeTcpPorts } from '../../../electron/engine/probes/tcp';
import { nodeStatusRequestId, startHostSimulator } from '../../simulator/hosts';

const HOST = '127.78.0.31';
const options = { portOffset: 20000, netbiosPort: 20137 };

/** Resolves 'closed' when the server closes an accepted connection, 'error: CODE' otherwise. */
function connectAndWait(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: HOST, port });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(`error: ${error.code}`));
    socket.on('close', () => resolve('closed'));
    socket.resume();
  });
}

describe('startHostSimulator', () => {
  it('accepts then closes connections on port + offset, and frees them on stop (twice is fine)', async () => {
    const simulator = await startHostSimulator({
      hosts: [{ address: HOST, tcpPorts: [445, 9100] }],
      ...options,
    });
    expect(await connectAndWait(20445)).toBe('closed');
    expect(await probeTcpPorts(HOST, [445, 9100, 139], { timeoutMs: 2000, portOffset: 20000 })).toEqual({
      open: [445, 9100],
      refused: [139],
    });
    await simulator.stop();
    await simulator.stop();
    expect(await connectAndWait(20445)).toBe('error: ECONNREFUSED');
  });

  it('refuses an address outside loopback, and a port already taken (closing what it bound)', async () => {
    await expect(startHostSimulator({ hosts: [{ address: '10.42.3.17' }], ...options })).rejects.toThrow(
      /127\.0\.0\.0\/8/,
    );
    const first = await startHostSimulator({ hosts: [{ address: HOST, tcpPorts: [22] }], ...options });
    try {
      await expect(
        startHostSimulator({
          hosts: [
            { address: '127.78.0.32', tcpPorts: [80] },
            { address: HOST, tcpPorts: [22] },
          ],
          ...options,
        }),
      ).rejects.toThrow(/EADDRINUSE/);
      // 127.78.0.32:20080 was released when the second start failed.
      const again = await startHostSimulator({
        hosts: [{ address: '127.78.0.32', tcpPorts: [80] }],
        ...options,
      });
      await again.stop();
    } finally {
      await first.stop();
    }
  });

  it('recognises only NBSTAT requests', () => {
    expect(nodeStatusRequestId(encodeNodeStatusRequest(0xabcd))).toBe(0xabcd);
    const nbQuery = encodeNodeStatusRequest(1);
    nbQuery.writeUInt16BE(0x20, 46); // QTYPE NB: a name query, not a node status request
    expect(nodeStatusRequestId(nbQuery)).toBeNull();
    expect(nodeStatusRequestId(encodeNodeStatusRequest(1).subarray(0, 49))).toBeNull();
  });

  it('answers NBSTAT with the host’s names and unit ID', async () => {
    const simulator = await startHostSimulator({
      hosts: [
        {
          address: HOST,
          nbstat: { computerName: 'SALLE-B12-PROF', workgroup: 'LYCEE', mac: '64-00-6A-12-34-56' },
        },
      ],
      ...options,
    });
    try {
      const { createSocket } = await import('node:dgram');
      const socket = createSocket('udp4');
      const reply = await new Promise<Buffer>((resolve) => {
        socket.on('message', resolve);
        socket.bind(0, '127.0.0.1', () => socket.send(encodeNodeStatusRequest(77), 20137, HOST));
      });
      socket.close();
      expect(decodeNodeStatusResponse(reply, 77)).toMatchObject({
        computerName: 'SALLE-B12-PROF',
        workgroup: 'LYCEE',
        mac: '64:00:6a:12:34:56',
      });
    } finally {
      await simulator.stop();
    }
  });
});
