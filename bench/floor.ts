/**
 * The floor: one SNMPv2c GET of sysDescr.0, sysObjectID.0 and sysName.0 (SNMPv2-MIB, RFC 3418)
 * to every address at once with net-snmp, same timeout and retry as the scan. Nothing is
 * identified or stored: it is the least time any SNMP discovery of the range can take.
 */
import snmp from 'net-snmp';

/** sysDescr.0, sysObjectID.0, sysName.0. */
export const FLOOR_OIDS = ['1.3.6.1.2.1.1.1.0', '1.3.6.1.2.1.1.2.0', '1.3.6.1.2.1.1.5.0'];

/** One floor run: seconds, and how many addresses answered. */
export interface FloorSample {
  wallSeconds: number;
  answered: number;
}

/**
 * GETs `FLOOR_OIDS` from every address of `addresses` (all 127.x) at once, one session each.
 * @param timeoutMs per attempt; `retries` extra attempts after a timeout.
 * @throws Error on a non-loopback address.
 */
export async function runFloor(
  addresses: readonly string[],
  options: { port: number; timeoutMs: number; retries: number; community: string },
): Promise<FloorSample> {
  for (const ip of addresses) if (!ip.startsWith('127.')) throw new Error(`bench: refusing ${ip}`);
  const start = performance.now();
  const results = await Promise.all(
    addresses.map(
      (ip) =>
        new Promise<boolean>((resolve) => {
          const session = snmp.createSession(ip, options.community, {
            port: options.port,
            timeout: options.timeoutMs,
            retries: options.retries,
            version: snmp.Version2c,
          });
          session.on('error', () => undefined);
          session.get(FLOOR_OIDS, (error) => {
            session.close();
            resolve(!error);
          });
        }),
    ),
  );
  return { wallSeconds: (performance.now() - start) / 1000, answered: results.filter(Boolean).length };
}
