import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { openDatabase } from '../../../electron/engine/db/database';
import { createDevicesRepo } from '../../../electron/engine/db/repositories/devices-repo';
import { createProjectorsRepo } from '../../../electron/engine/db/repositories/projectors-repo';
import { createScansRepo } from '../../../electron/engine/db/repositories/scans-repo';

/** A database with one projector at 5,520 lamp hours; returns its path and the device id. */
function seeded() {
  const path = join(mkdtempSync(join(tmpdir(), 'parc-proj-cli-')), 'parc.db');
  const db = openDatabase(path);
  const scan = createScansRepo(db).create(['x'], 1, '2026-11-29T08:00:00.000Z');
  const { id } = createDevicesRepo(db).recordNetwork(
    {
      ip: '10.0.0.104',
      type: 'projector',
      vendor: 'Epson',
      model: 'EB-695Wi',
      serial: null,
      mac: null,
      hostName: null,
      workgroup: null,
      os: null,
      openPorts: [4352],
      sources: ['network', 'pjlink'],
    },
    scan,
    '2026-11-29T08:00:00.000Z',
  );
  createProjectorsRepo(db).record(
    id,
    {
      source: 'pjlink',
      power: 'on',
      errors: null,
      lamps: [{ hours: 5520, on: true }],
      filterHours: null,
      name: 'VP-B12',
      lampModel: null,
      filterModel: null,
      softwareVersion: null,
    },
    '2026-11-29T08:00:00.000Z',
  );
  db.close();
  return { path, id };
}

async function parc(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {} });
  return { status, out: out.join(''), err: err.join('') };
}

describe('parc projectors subcommands honour --db wherever it is written', () => {
  it.each([
    [
      'after the subcommand',
      (p: string, id: number) => ['projectors', 'rated', String(id), '8000', '--db', p],
    ],
    [
      'before the subcommand',
      (p: string, id: number) => ['projectors', '--db', p, 'rated', String(id), '8000'],
    ],
  ])('rated with --db %s changes that database', async (_where, args) => {
    const { path, id } = seeded();
    const r = await parc(args(path, id));
    expect(r.status).toBe(0);
    expect(r.out).toContain('lamp 1: 5520 h / 8000 h (69%)');
    const list = JSON.parse((await parc(['projectors', '--json', '--db', path])).out) as {
      projectors: { ratedByUser: boolean }[];
    };
    expect(list.projectors[0].ratedByUser).toBe(true);
  });

  it('poll refuses a --db that does not exist instead of using the default database', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'parc-proj-cli-')), 'none.db');
    const r = await parc(['projectors', 'poll', '--db', missing]);
    expect(r.status).toBe(2);
    expect(existsSync(missing)).toBe(false);
  });
});
