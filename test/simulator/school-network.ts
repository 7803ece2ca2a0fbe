/**
 * A small simulated lycée for integration and e2e tests of the whole scan: the SNMP fixtures of
 * lab-network.ts, plus machines without SNMP (TCP ports and NetBIOS, hosts.ts) and PJLink
 * projectors and a panel (pjlink.ts), all on one loopback /24. TCP and NetBIOS ports are shifted by
 * PORT_OFFSET so that nothing needs root.
 */
import type { ScanRequest } from '../../shared/domain/scan';
import { startHostSimulator } from './hosts';
import { startFixtureNetwork, type FixtureNetwork } from './lab-network';
import { startPjlinkSimulator, type PjlinkSimProjector } from './pjlink';

/** Added to every TCP port and to NetBIOS's 137 (scan option `portOffset`). */
export const PORT_OFFSET = 20_000;
/** The PJLink password of the locked projector (scan option `pjlinkPasswords`). */
export const PJLINK_PASSWORD = 'JBMIA';

/** What a scan must find at one address of the school network. */
export interface SchoolHost {
  readonly role: string;
  readonly address: string;
  /** Expected device fields; null for the host that drops everything. */
  readonly expected: {
    type: string;
    hostName?: string;
    mac?: string;
    os?: string | null;
    vendor?: string;
    model?: string;
    serial?: string;
    lampHours?: number;
  } | null;
}

export interface SchoolNetwork {
  readonly snmp: FixtureNetwork;
  readonly hosts: readonly SchoolHost[];
  /** The scan request that reaches every simulator (timeout 700 ms, one retry). */
  request(): ScanRequest;
  stop(): Promise<void>;
}

const projector = (address: string, over: Partial<PjlinkSimProjector>): PjlinkSimProjector => ({
  address,
  port: 4352,
  pjlinkClass: 1,
  power: 'on',
  lamps: [{ hours: 1200, on: true }],
  errors: '000000',
  name: 'VP',
  manufacturer: 'EPSON',
  product: 'EB-695Wi',
  otherInfo: '',
  ...over,
});

/**
 * Starts the school network on `<base>.x`: SNMP fixtures from `.10` (see lab-network.ts), and
 * - `.100` a Windows PC (135, 139, 445, 3389 + NetBIOS `PC-B12-01`/`LYCEE`, Dell MAC);
 * - `.101` a Linux box (22, 80); `.102` a printer without SNMP (80, 515, 631, 9100);
 * - `.103` a host that drops everything; `.104` an Epson EB-695Wi class 1 at 5,520 h (92 % of 6,000);
 * - `.105` a class 2 NEC projector behind the PJLink password; `.106` a ViewSonic IFP6550 panel;
 * - NetBIOS on the SNMP Linux server (Samba), PJLink on the SNMP Epson projector.
 */
export async function startSchoolNetwork(
  base = '127.77.0',
  portOffset: number = PORT_OFFSET,
  communities: readonly string[] = ['public'],
): Promise<SchoolNetwork> {
  const snmp = await startFixtureNetwork({ base, communities });
  const at = (name: string) => snmp.hosts.find((h) => h.name === name)?.address as string;
  const a = (n: number) => `${base}.${n}`;
  const hostSim = await startHostSimulator({
    portOffset,
    netbiosPort: 137 + portOffset,
    hosts: [
      {
        address: a(100),
        tcpPorts: [135, 139, 445, 3389],
        nbstat: { computerName: 'PC-B12-01', workgroup: 'LYCEE', mac: 'f8:b1:56:12:34:56' },
      },
      { address: a(101), tcpPorts: [22, 80] },
      { address: a(102), tcpPorts: [80, 515, 631, 9100] },
      { address: a(103) },
      {
        address: at('server-linux'),
        tcpPorts: [22, 139, 445],
        nbstat: { computerName: 'SCRIBE', workgroup: 'LYCEE', mac: '00:00:00:00:00:00' },
      },
    ],
  });
  const pjlinkPort = 4352 + portOffset;
  const pjlink = await startPjlinkSimulator({
    projectors: [
      projector(a(104), { port: pjlinkPort, name: 'VP-B12', lamps: [{ hours: 5520, on: true }] }),
      projector(a(105), {
        port: pjlinkPort,
        pjlinkClass: 2,
        password: PJLINK_PASSWORD,
        power: 'off',
        lamps: [{ hours: 800, on: false }],
        errors: '000010',
        name: 'VP-C03',
        manufacturer: 'NEC',
        product: 'ME402X',
        serial: '1Z00123EC',
        softwareVersion: '1.02',
        filterHours: 2100,
        lampModel: 'NP43LP',
        filterModel: 'NP07FT',
      }),
      projector(a(106), {
        port: pjlinkPort,
        lamps: [],
        name: 'TNI-A01',
        manufacturer: 'ViewSonic',
        product: 'IFP6550',
      }),
      projector(at('projector-epson'), {
        port: pjlinkPort,
        name: 'VP-CDI',
        product: 'EB-725Wi',
        lamps: [{ hours: 1873, on: false }],
        power: 'off',
      }),
    ],
  });
  const hosts: SchoolHost[] = [
    {
      role: 'windows',
      address: a(100),
      expected: {
        type: 'computer',
        hostName: 'PC-B12-01',
        mac: 'f8:b1:56:12:34:56',
        os: 'Windows',
        vendor: 'Dell',
      },
    },
    { role: 'linux', address: a(101), expected: { type: 'computer', os: 'Linux' } },
    { role: 'printer', address: a(102), expected: { type: 'printer', os: null } },
    { role: 'drops', address: a(103), expected: null },
    {
      role: 'projector-92',
      address: a(104),
      expected: { type: 'projector', vendor: 'Epson', model: 'EB-695Wi', lampHours: 5520 },
    },
    {
      role: 'projector-locked',
      address: a(105),
      expected: { type: 'projector', vendor: 'NEC', model: 'ME402X', serial: '1Z00123EC', lampHours: 800 },
    },
    {
      role: 'panel',
      address: a(106),
      expected: { type: 'interactive-display', vendor: 'ViewSonic', model: 'IFP6550' },
    },
    { role: 'snmp+netbios', address: at('server-linux'), expected: { type: 'server', hostName: 'SCRIBE' } },
    {
      role: 'snmp+pjlink',
      address: at('projector-epson'),
      expected: { type: 'projector', vendor: 'Epson', model: 'EB-725Wi', lampHours: 1873 },
    },
  ];
  return {
    snmp,
    hosts,
    request: () => ({
      targets: [`${base}.0/24`],
      credentials: communities.map((community) => ({
        kind: 'community' as const,
        version: '2c' as const,
        community,
      })),
      port: snmp.simulator.port,
      timeoutMs: 700,
      retries: 1,
      portOffset,
      pjlinkPasswords: [PJLINK_PASSWORD],
    }),
    async stop() {
      await Promise.all([snmp.simulator.stop(), hostSim.stop(), pjlink.stop()]);
    },
  };
}
