import { describe, expect, it } from 'vitest';
import { identifyDevice, type Identity } from '../../../electron/engine/identify/identify';
import { ifRow, makeFacts, type FactsPatch } from './make-facts';

const NET_SNMP_LINUX = '1.3.6.1.4.1.8072.3.2.10';
const HR_PRINTER = '1.3.6.1.2.1.25.3.1.5';
const HR_PROCESSOR = '1.3.6.1.2.1.25.3.1.3';

const entity = (
  entPhysicalIndex: number,
  entPhysicalClass: number,
  values: Record<string, string | null>,
) => ({
  entPhysicalIndex,
  entPhysicalClass,
  entPhysicalDescr: null,
  entPhysicalHardwareRev: null,
  entPhysicalFirmwareRev: null,
  entPhysicalSoftwareRev: null,
  entPhysicalSerialNum: null,
  entPhysicalMfgName: null,
  entPhysicalModelName: null,
  ...values,
});

const cases: readonly { name: string; facts: FactsPatch; identity: Identity }[] = [
  {
    name: 'a Net-SNMP box with Printer-MIB is a printer of unknown vendor',
    facts: {
      system: { sysObjectID: NET_SNMP_LINUX, sysDescr: 'Linux printer 4.9.0' },
      capabilities: { printerMib: true, hrStorage: true },
      hrDeviceTypes: [HR_PRINTER],
      prtGeneralSerialNumber: 'CNB1234567 ',
      interfaces: [ifRow(1, 24, null, 'lo'), ifRow(2, 6, '02:11:22:33:44:55', 'eth0')],
    },
    identity: {
      type: 'printer',
      vendor: null,
      model: null,
      serial: 'CNB1234567',
      firmware: null,
      mac: '02:11:22:33:44:55',
    },
  },
  {
    name: 'decoded UTF-8 text is kept as served',
    facts: {
      system: { sysObjectID: NET_SNMP_LINUX },
      capabilities: { printerMib: true },
      prtGeneralSerialNumber: 'SALLE-É12-Nº3',
    },
    identity: {
      type: 'printer',
      vendor: null,
      model: null,
      serial: 'SALLE-É12-Nº3',
      firmware: null,
      mac: null,
    },
  },
  {
    name: 'HP JetDirect: serial and model from sysDescr when no OID answers',
    facts: {
      system: {
        sysObjectID: '1.3.6.1.4.1.11.2.3.9.1',
        sysDescr:
          'HP ETHERNET MULTI-ENVIRONMENT,SN:VNC1234567,FN:4Q817L4,SVCID:31339,PID:HP LaserJet MFP M130nw',
      },
      capabilities: { printerMib: true },
      interfaces: [ifRow(1, 6, '14:cb:19:00:00:01')],
    },
    identity: {
      type: 'printer',
      vendor: 'HP',
      model: 'HP LaserJet MFP M130nw',
      serial: 'VNC1234567',
      firmware: null,
      mac: '14:cb:19:00:00:01',
    },
  },
  {
    name: 'HP JetDirect: the IEEE 1284 model beats a renamed PID',
    facts: {
      system: {
        sysObjectID: '1.3.6.1.4.1.11.2.3.9.1',
        sysDescr: 'HP ETHERNET MULTI-ENVIRONMENT,SN:VNC1234567,FN:1G11F33,PID:Copieur CDI',
      },
      capabilities: { printerMib: true },
      profileValues: {
        '1.3.6.1.4.1.11.2.3.9.1.1.7.0': 'MFG:HP;CMD:PJL,PCL;MDL:HP Color LaserJet M452nw;CLS:PRINTER;',
      },
    },
    identity: {
      type: 'printer',
      vendor: 'HP',
      model: 'HP Color LaserJet M452nw',
      serial: 'VNC1234567',
      firmware: null,
      mac: null,
    },
  },
  {
    name: 'APC: the UPS serial beats the management card serial of sysDescr',
    facts: {
      system: {
        sysObjectID: '1.3.6.1.4.1.318.1.3.27',
        sysDescr:
          'APC Web/SNMP Management Card (MB:v4.1.0 PF:v6.7.2 MN:AP9631 HR:05 SN: ZA1349002368 MD:12/06/2013)',
      },
      upsIdentModel: 'Smart-UPS 1500',
      profileValues: { '1.3.6.1.4.1.318.1.1.1.1.2.3.0': 'AS1342225176' },
    },
    identity: {
      type: 'ups',
      vendor: 'APC',
      model: 'Smart-UPS 1500',
      serial: 'AS1342225176',
      firmware: '6.7.2',
      mac: null,
    },
  },
  {
    name: 'APC: card values from sysDescr when the UPS OIDs are silent',
    facts: {
      system: {
        sysObjectID: '1.3.6.1.4.1.318.1.3.27',
        sysDescr: 'APC Web/SNMP Management Card (PF:v6.7.2 MN:AP9631 SN: ZA1349002368)',
      },
      capabilities: { upsMib: true },
    },
    identity: {
      type: 'ups',
      vendor: 'APC',
      model: 'AP9631',
      serial: 'ZA1349002368',
      firmware: '6.7.2',
      mac: null,
    },
  },
  {
    name: 'Synology behind Net-SNMP Linux: recognised by its probed model OID',
    facts: {
      system: { sysObjectID: NET_SNMP_LINUX, sysDescr: 'Linux Nas 3.2.40 armv7l' },
      capabilities: { hrStorage: true },
      hrDeviceTypes: [HR_PROCESSOR],
      profileValues: {
        '1.3.6.1.4.1.6574.1.5.1.0': 'DS214se',
        '1.3.6.1.4.1.6574.1.5.2.0': '139M8N0094',
        '1.3.6.1.4.1.6574.1.5.3.0': 'DSM 6.2-25426',
      },
      interfaces: [ifRow(1, 24, null, 'lo'), ifRow(2, 6, '00:11:32:24:f9:eb', 'eth0')],
    },
    identity: {
      type: 'nas',
      vendor: 'Synology',
      model: 'DS214se',
      serial: '139M8N0094',
      firmware: '6.2-25426',
      mac: '00:11:32:24:f9:eb',
    },
  },
  {
    name: 'a plain Linux host is a server of unknown vendor',
    facts: {
      system: { sysObjectID: NET_SNMP_LINUX, sysDescr: 'Linux scribe 5.15.0-91-generic x86_64' },
      capabilities: { hrStorage: true },
      hrDeviceTypes: [HR_PROCESSOR],
    },
    identity: { type: 'server', vendor: null, model: null, serial: null, firmware: null, mac: null },
  },
  {
    name: 'a switch answers ENTITY-MIB: chassis values win over modules',
    facts: {
      system: { sysObjectID: '1.3.6.1.4.1.2636.1.1.1.2.63', sysServices: 6 },
      capabilities: { bridgeMib: true, bridgePortCount: 24 },
      entities: [
        entity(2, 9, { entPhysicalSerialNum: 'MOD111', entPhysicalModelName: 'EX-UM-2X4SFP' }),
        entity(1, 3, {
          entPhysicalSerialNum: 'CHAS999',
          entPhysicalModelName: 'EX2300-24T',
          entPhysicalSoftwareRev: '21.4R3',
        }),
      ],
    },
    identity: {
      type: 'switch',
      vendor: 'Juniper',
      model: 'EX2300-24T',
      serial: 'CHAS999',
      firmware: '21.4R3',
      mac: null,
    },
  },
  {
    name: 'radio interfaces make an access point',
    facts: {
      system: { sysObjectID: '1.3.6.1.4.1.99999.1' },
      interfaces: [ifRow(1, 6, 'f0:9f:c2:00:00:01'), ifRow(2, 71, 'f0:9f:c2:00:00:02', 'wifi0')],
    },
    identity: {
      type: 'access-point',
      vendor: 'Ubiquiti',
      model: null,
      serial: null,
      firmware: null,
      mac: 'f0:9f:c2:00:00:01',
    },
  },
  {
    name: 'forwarding at layer 3 without a bridge makes a router',
    facts: {
      system: { sysObjectID: NET_SNMP_LINUX, sysServices: 78 },
      capabilities: { ipForwarding: 1 },
    },
    identity: { type: 'router', vendor: null, model: null, serial: null, firmware: null, mac: null },
  },
  {
    name: 'Windows Server: typed by its sysObjectID, not by its printer queues',
    facts: {
      system: {
        sysObjectID: '1.3.6.1.4.1.311.1.1.3.1.2',
        sysDescr:
          'Hardware: Intel64 Family 6 Model 63 - Software: Windows Version 6.3 (Build 17763 Multiprocessor Free)',
      },
      capabilities: { hrStorage: true },
      hrDeviceTypes: [HR_PROCESSOR, HR_PRINTER],
    },
    identity: {
      type: 'server',
      vendor: 'Microsoft',
      model: null,
      serial: null,
      firmware: 'Build 17763',
      mac: null,
    },
  },
  {
    name: 'placeholder serials are dropped',
    facts: {
      system: { sysObjectID: '1.3.6.1.4.1.1347.41', sysDescr: 'KYOCERA Document Solutions Printing System' },
      entities: [entity(1, 3, { entPhysicalSerialNum: '0000000000' })],
      prtGeneralSerialNumber: ' N/A ',
      profileValues: { '1.3.6.1.4.1.1347.43.5.1.1.28.1': 'unknown' },
    },
    identity: { type: 'printer', vendor: 'Kyocera', model: null, serial: null, firmware: null, mac: null },
  },
  {
    name: 'an unknown enterprise falls back to the OUI of the MAC',
    facts: {
      system: { sysObjectID: '1.3.6.1.4.1.99999.1', sysDescr: 'Interactive Panel' },
      interfaces: [ifRow(1, 6, '00:00:0c:12:34:56')],
    },
    identity: {
      type: 'other',
      vendor: 'Cisco',
      model: null,
      serial: null,
      firmware: null,
      mac: '00:00:0c:12:34:56',
    },
  },
  {
    name: 'a generic printer takes its model from hrDeviceDescr and its vendor from the OUI, spelled as the inventory does',
    facts: {
      system: { sysObjectID: NET_SNMP_LINUX, sysDescr: 'Linux' },
      capabilities: { printerMib: true },
      hrDeviceTypes: [HR_PRINTER],
      hrPrinterDescr: 'Brother HL-L6400DW series',
      interfaces: [ifRow(1, 6, '00:80:77:c3:5e:12', 'eth0')],
    },
    identity: {
      type: 'printer',
      vendor: 'Brother',
      model: 'Brother HL-L6400DW series',
      serial: null,
      firmware: null,
      mac: '00:80:77:c3:5e:12',
    },
  },
  {
    name: 'a Windows print server keeps no printer model from its print queues',
    facts: {
      system: {
        sysObjectID: '1.3.6.1.4.1.311.1.1.3.1.2',
        sysDescr: 'Hardware: x64 - Software: Windows Version 6.3',
      },
      capabilities: { hrStorage: true },
      hrDeviceTypes: [HR_PROCESSOR, HR_PRINTER],
      hrPrinterDescr: 'Microsoft Print to PDF',
    },
    identity: { type: 'server', vendor: 'Microsoft', model: null, serial: null, firmware: null, mac: null },
  },
];

describe('identifyDevice', () => {
  it.each(cases)('$name', ({ facts, identity }) => {
    expect(identifyDevice(makeFacts(facts))).toEqual(identity);
  });
});
