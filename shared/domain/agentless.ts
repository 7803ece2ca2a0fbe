import { z } from 'zod';

/**
 * TCP ports knocked on at every address, beside the SNMP probe (issue 10): they type the hosts
 * that do not answer SNMP, and give those that do their open ports and an OS guess. What most
 * lycée devices listen on: 135 MS-RPC endpoint mapper, 139 NetBIOS session, 445 SMB, 3389 RDP, 22 SSH, 80 HTTP, 443 HTTPS,
 * 515 LPD, 631 IPP, 9100 raw printing (JetDirect), 4352 PJLink, 5900 VNC.
 */
export const DEFAULT_TCP_PORTS: readonly number[] = Object.freeze([
  135, 139, 445, 3389, 22, 80, 443, 515, 631, 9100, 4352, 5900,
]);

/** An operating system family guessed from open ports and NetBIOS (never from a login). */
export const OsGuess = z.enum(['windows', 'linux', 'macos']);
export type OsGuess = z.infer<typeof OsGuess>;
