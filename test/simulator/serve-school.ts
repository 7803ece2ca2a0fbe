/**
 * Serves the simulated school (school-network.ts) until Ctrl-C, for trying Parc by hand:
 *   sudo npx tsx test/simulator/serve-school.ts        (real ports: needs root for 135, 137, 139, 445…)
 * then run the printed `parc scan` command. Loopback addresses only.
 */
import { startSchoolNetwork } from './school-network';

async function main() {
  const school = await startSchoolNetwork(process.env.SCHOOL_BASE ?? '127.77.0', 0);
  const { port, targets } = school.request();
  console.log(
    `Simulated school on ${targets.join(' ')} (SNMP on UDP ${port}, TCP/NetBIOS/PJLink on their real ports).`,
  );
  console.log(
    `Try:  PARC_PJLINK_PASSWORD=JBMIA npx parc scan ${targets.join(' ')} --port ${port} --db /tmp/school.db`,
  );
  console.log('      npx parc projectors --db /tmp/school.db ; npx parc ui --db /tmp/school.db');
  console.log('Ctrl-C to stop.');
  await new Promise<void>((resolve) => process.once('SIGINT', resolve));
  await school.stop();
}

void main();
