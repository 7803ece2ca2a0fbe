/**
 * Issue 6 end to end on the engine: a scheduled and a manual report of a scanned school reach the
 * reference hub exactly once each, and no secret appears in the report, the hub or the log.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine';
import { startHub, type ReferenceHub } from '../../electron/engine/hub';
import { createLogger } from '../../electron/engine/log';
import type { Engine } from '../../electron/engine/types';
import { HealthReport } from '../../shared/domain/report';
import { startSchoolNetwork, type SchoolNetwork } from '../simulator/school-network';

const TOKEN = 'tok-Zk3-school-0750655E';
const SECRET = 'sec-Qp9-signing-0750655E';

describe('health reports of a scanned school to the reference hub', () => {
  let school: SchoolNetwork;
  let hub: ReferenceHub;
  let engine: Engine;
  const logs: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'parc-reports-'));

  beforeAll(async () => {
    school = await startSchoolNetwork('127.77.4');
    hub = await startHub({
      port: 0,
      dbPath: join(dir, 'hub.db'),
      schools: [{ name: 'lycee', token: TOKEN, secret: SECRET }],
    });
    engine = createEngine({
      dbPath: join(dir, 'parc.db'),
      logger: createLogger((line) => logs.push(line), 'debug'),
      readNeighbours: async () => new Map(),
    });
    engine.settings.set({
      uai: '0750655E',
      schoolName: 'Lycée test',
      town: 'Paris',
      hubUrl: `${hub.url}/api/reports`,
      reportTime: '00:00',
    });
    engine.reports.secrets.set('hubToken', TOKEN);
    engine.reports.secrets.set('hubSecret', SECRET);
    await (
      await engine.scan.start(school.request())
    ).done;
  }, 60_000);
  afterAll(async () => {
    engine?.close();
    await hub?.close();
    await school?.stop();
  });

  it("the schedule makes and sends today's report once; a manual one arrives once more", async () => {
    const stop = engine.reports.startSchedule();
    await expect.poll(() => hub.list().length, { timeout: 5000 }).toBe(1);
    stop();
    const again = engine.reports.startSchedule(); // same day: no second scheduled report
    await new Promise((resolve) => setTimeout(resolve, 300));
    again();
    expect(hub.list()).toHaveLength(1);

    engine.reports.make();
    expect(await engine.reports.push()).toEqual({ sent: 1, rejected: 0, pending: 0 });
    const received = hub.list();
    expect(received).toHaveLength(2);
    expect(new Set(received.map((r) => r.id)).size).toBe(2);
    expect(engine.reports.outbox().map((o) => o.status)).toEqual(['sent', 'sent']);
  });

  it('the report validates, carries the lamp to plan and the missing nothing, and no secret anywhere', () => {
    const report = HealthReport.parse(engine.reports.preview());
    expect(report.school).toEqual({ uai: '0750655E', name: 'Lycée test', town: 'Paris' });
    expect(report.incidents.map((i) => i.code)).toContain('projector-lamp-end');
    const everything = [
      JSON.stringify(report),
      ...logs,
      readFileSync(join(dir, 'hub.db')).toString('latin1'),
    ].join('\n');
    for (const secret of [TOKEN, SECRET, 'JBMIA', 'public']) expect(everything).not.toContain(secret);
  });
});
