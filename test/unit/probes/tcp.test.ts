import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TCP_PORTS } from '../../../shared/domain/agentless';
import { isAlive, probeTcpPorts } from '../../../electron/engine/probes/tcp';
import { startHostSimulator, type HostSimulator } from '../../simulator/hosts';

const OFFSET = 20000;
const WINDOWS_PC = '127.78.0.11';
const PRINTER = '127.78.0.12';
const SILENT = '127.78.0.13';

let simulator: HostSimulator;
beforeAll(async () => {
  simulator = await startHostSimulator({
    hosts: [
      { address: WINDOWS_PC, tcpPorts: [135, 139, 445, 3389] },
      { address: PRINTER, tcpPorts: [80, 443, 515, 631, 9100] },
      { address: SILENT },
    ],
    portOffset: OFFSET,
    netbiosPort: 20137,
  });
});
afterAll(() => simulator.stop());

describe('probeTcpPorts', () => {
  it('sorts ports into open (accepted) and refused, as logical port numbers', async () => {
    const result = await probeTcpPorts(WINDOWS_PC, DEFAULT_TCP_PORTS, {
      timeoutMs: 2000,
      portOffset: OFFSET,
    });
    expect(result.open).toEqual([135, 139, 445, 3389]);
    // On loopback the kernel refuses every port nobody listens on.
    expect(result.refused).toEqual([22, 80, 443, 515, 631, 4352, 5900, 9100]);
  });

  it('tells hosts apart by address on the same ports', async () => {
    const result = await probeTcpPorts(PRINTER, [9100, 135, 631, 515], {
      timeoutMs: 2000,
      portOffset: OFFSET,
    });
    expect(result).toEqual({ open: [515, 631, 9100], refused: [135] });
  });

  it('probes a port listed twice once', async () => {
    const result = await probeTcpPorts(PRINTER, [9100, 9100, 22], { timeoutMs: 2000, portOffset: OFFSET });
    expect(result).toEqual({ open: [9100], refused: [22] });
  });

  it('without the offset, connects to the real port numbers', async () => {
    const result = await probeTcpPorts(WINDOWS_PC, [OFFSET + 135, OFFSET + 22], { timeoutMs: 2000 });
    expect(result).toEqual({ open: [OFFSET + 135], refused: [OFFSET + 22] });
  });

  it('a host that drops everything has nothing open (its refusals come from the local kernel)', async () => {
    const result = await probeTcpPorts(SILENT, DEFAULT_TCP_PORTS, { timeoutMs: 2000, portOffset: OFFSET });
    expect(result.open).toEqual([]);
    expect(isAlive(SILENT, result)).toBe(false);
  });

  it('an aborted signal settles with nothing, without connecting', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await probeTcpPorts(WINDOWS_PC, [135, 445], {
      timeoutMs: 2000,
      portOffset: OFFSET,
      signal: controller.signal,
    });
    expect(result).toEqual({ open: [], refused: [] });
  });

  it('a host name gives an empty result (no DNS lookup)', async () => {
    expect(await probeTcpPorts('localhost', [135], { timeoutMs: 2000, portOffset: OFFSET })).toEqual({
      open: [],
      refused: [],
    });
  });

  it('an empty port list gives an empty result', async () => {
    expect(await probeTcpPorts(WINDOWS_PC, [], { timeoutMs: 100 })).toEqual({ open: [], refused: [] });
  });
});

describe('isAlive', () => {
  const cases: [string, { open: number[]; refused: number[] }, boolean][] = [
    ['10.42.3.17', { open: [445], refused: [] }, true],
    ['10.42.3.17', { open: [], refused: [22] }, true],
    ['10.42.3.17', { open: [], refused: [] }, false],
    ['127.78.0.11', { open: [135], refused: [22] }, true],
    ['127.78.0.13', { open: [], refused: [22, 135] }, false],
    ['127.0.0.1', { open: [], refused: [22] }, false],
    ['::1', { open: [], refused: [22] }, false],
    ['128.0.0.1', { open: [], refused: [22] }, true],
  ];
  it.each(cases)('%s %j → %s', (ip, result, alive) => {
    expect(isAlive(ip, result)).toBe(alive);
  });
});
