/**
 * What a host without SNMP probably is, from the TCP ports it accepts (see tcp.ts), whether it answers
 * PJLink, and whether it answers a NetBIOS node status query. Rules are data, tried in order, first match
 * wins; each says why it holds. A guess, shown as such, never a fact.
 */
import type { OsGuess } from '../../../shared/domain/agentless';

/** What the probes saw on one host. */
export interface PortEvidence {
  /** TCP ports that accepted a connection. */
  readonly openPorts: readonly number[];
}

/** A rule: matches when any of `anyOpen` is open, none of `noneOpen` is, and `netbios` agrees (when set). */
interface Rule<T> {
  readonly result: T;
  readonly anyOpen?: readonly number[];
  readonly noneOpen?: readonly number[];
  readonly netbios?: boolean;
  readonly pjlink?: boolean;
  /** Why the rule holds, for the reader (and the tests' names). */
  readonly why: string;
}

/** The kind of host a probe result describes. */
export type HostKind = 'computer' | 'printer' | 'projector';

/** Windows services: MS-RPC endpoint mapper, NetBIOS session, SMB, RDP. */
const WINDOWS_SERVICES = [135, 139, 445, 3389] as const;
const SSH = 22;
/** Print services: LPD (RFC 1179), IPP (RFC 8011), raw port 9100 (JetDirect). */
const PRINT_SERVICES = [515, 631, 9100] as const;

/**
 * Operating system rules. macOS is never guessed from ports: its services (SSH, SMB, VNC on 5900, AFP on
 * 548, which we do not probe) are those of any Linux box, so a port signature cannot tell them apart.
 */
export const OS_RULES: readonly Rule<OsGuess>[] = [
  {
    result: 'windows',
    anyOpen: [135],
    why: 'MS-RPC endpoint mapper: Windows (its firewall opens 135 with file and printer sharing)',
  },
  { result: 'windows', anyOpen: [3389], why: 'Remote Desktop (RDP) listens on Windows' },
  {
    result: 'linux',
    anyOpen: [SSH],
    noneOpen: [135, 3389],
    why: 'SSH without MS-RPC or RDP: Linux/Unix; with SMB or NetBIOS it is a Samba server (SambaEdu, Scribe)',
  },
  { result: 'windows', anyOpen: [139, 445], noneOpen: [SSH], why: 'SMB without SSH: a Windows share' },
  { result: 'windows', netbios: true, noneOpen: [SSH], why: 'NetBIOS node status answered without SSH' },
];

/**
 * Kind rules; the last one always matches. `netbiosName` is not used: Jetdirect and other print servers
 * answer NBSTAT too, so a NetBIOS name proves nothing about the kind.
 */
export const KIND_RULES: readonly Rule<HostKind>[] = [
  { result: 'projector', pjlink: true, why: 'PJLink (TCP 4352) answered: a projector or flat panel' },
  {
    result: 'printer',
    anyOpen: PRINT_SERVICES,
    noneOpen: [...WINDOWS_SERVICES, SSH],
    why: 'print services (LPD, IPP, 9100) without a computer’s services (a shared printer on a PC is a PC)',
  },
  { result: 'computer', why: 'anything else that answers' },
];

function matches<T>(
  rule: Rule<T>,
  evidence: { openPorts: readonly number[]; netbios?: boolean; pjlink?: boolean },
): boolean {
  const open = new Set(evidence.openPorts);
  if (rule.anyOpen && !rule.anyOpen.some((port) => open.has(port))) return false;
  if (rule.noneOpen && rule.noneOpen.some((port) => open.has(port))) return false;
  if (rule.netbios !== undefined && rule.netbios !== evidence.netbios) return false;
  if (rule.pjlink !== undefined && rule.pjlink !== evidence.pjlink) return false;
  return true;
}

/**
 * The operating system family suggested by {@link OS_RULES}, or null when nothing points anywhere
 * (a host with only HTTP, a printer…). Meaningful only for hosts {@link classifyHost} calls computers.
 * @param evidence.netbios whether the host answered a NetBIOS node status query (RFC 1002).
 */
export function guessOs(evidence: PortEvidence & { readonly netbios: boolean }): OsGuess | null {
  return OS_RULES.find((rule) => matches(rule, evidence))?.result ?? null;
}

/**
 * The kind of host, by {@link KIND_RULES}: PJLink → projector; LPD/IPP/9100 open without any of
 * 135/139/445/3389/22 → printer; else computer.
 */
export function classifyHost(
  evidence: PortEvidence & { readonly pjlink: boolean; readonly netbiosName: string | null },
): HostKind {
  return KIND_RULES.find((rule) => matches(rule, evidence))?.result ?? 'computer';
}
