/**
 * Self-inventories: the imported files (by sha256) and each device's latest document. A document
 * is tied to a device by its serial (firmware placeholders ignored), else a non-virtual MAC, else
 * its host name; a machine Parc never saw becomes a new `computer` device.
 */
import { describeOs, SelfInventory, usableDmiText } from '../../../../shared/domain/inventory';
import type { Db } from '../database';
import { mergeSources, type DeviceRow } from './devices-repo';

/**
 * What importing one document did: `created` a device, `updated` one, left it `unchanged`
 * (the document is older than the stored one, or has the same content), skipped the file as
 * `already-imported` (same sha256), or could not tie it to one device (`unmatched`: no serial,
 * MAC or host name, or only a host name several devices share; nothing is recorded).
 */
export type InventoryImportOutcome = 'created' | 'updated' | 'unchanged' | 'already-imported' | 'unmatched';

/** Where a document file comes from, and when it is imported (ISO 8601). */
export interface InventoryFileRef {
  /** Hex sha256 of the file's bytes. */
  sha256: string;
  fileName: string;
  now: string;
}

/** The keys a document offers for matching, in order of trust. */
interface DocumentKeys {
  serial: string | null;
  /** MACs of the non-virtual interfaces, in interface order, without duplicates. */
  macs: string[];
  hostName: string | null;
  /** The MAC to record: that of the first non-virtual interface with an IPv4, else the first. */
  mac: string | null;
  /** The address to record: the first non-virtual IPv4 outside 169.254/16, else any, else null. */
  ip: string | null;
}

function keysOf(doc: SelfInventory): DocumentKeys {
  const physical = (doc.network ?? []).filter((n) => !n.virtual);
  const macs = [...new Set(physical.map((n) => n.mac).filter((m): m is string => m !== null))];
  const withIp = physical.filter((n) => n.ipv4 !== null);
  const routable = withIp.find((n) => !n.ipv4!.startsWith('169.254.')) ?? withIp[0];
  return {
    serial: usableDmiText(doc.system?.serial),
    macs,
    hostName: doc.hostName?.trim() || null,
    mac: (routable?.mac ?? null) || (macs[0] ?? null),
    ip: routable?.ipv4 ?? null,
  };
}

/** The identity of a device created from a document: `serial:…`, else `mac:…`, else `host:…`. */
function identityOf(keys: DocumentKeys): string {
  if (keys.serial) return `serial:${keys.serial}`;
  if (keys.mac) return `mac:${keys.mac}`;
  return `host:${keys.hostName ?? ''}`;
}

const later = (a: string, b: string) => Date.parse(a) > Date.parse(b);

/**
 * `doc` with each section it could not read (`incomplete`, value null) taken from `earlier`;
 * `incomplete` then lists only what neither has.
 */
export function withEarlierSections(doc: SelfInventory, earlier: SelfInventory | null): SelfInventory {
  if (!earlier || doc.incomplete.length === 0) return doc;
  const merged: Record<string, unknown> = { ...doc };
  const stillMissing: SelfInventory['incomplete'] = [];
  for (const section of doc.incomplete) {
    if (merged[section] === null && earlier[section] !== null) merged[section] = earlier[section];
    else stillMissing.push(section);
  }
  return { ...(merged as SelfInventory), incomplete: stillMissing };
}

/** The self-inventories repository on a migrated database: importDocument, get, isImported. */
export function createInventoriesRepo(db: Db) {
  const fileKnown = db.prepare<[string], { sha256: string }>(
    'SELECT sha256 FROM inventory_files WHERE sha256 = ?',
  );
  const recordFile = db.prepare(
    'INSERT INTO inventory_files (sha256, file_name, imported_at, device_id) VALUES (@sha256, @fileName, @now, @deviceId)',
  );
  const bySerial = db.prepare<[string], { id: number }>(
    'SELECT id FROM devices WHERE serial = ? ORDER BY id LIMIT 1',
  );
  const byMac = db.prepare<[string], { id: number }>(
    'SELECT id FROM devices WHERE mac = ? ORDER BY id LIMIT 1',
  );
  const byHostName = db.prepare<[string], { id: number; serial: string | null }>(
    'SELECT id, serial FROM devices WHERE host_name = ? COLLATE NOCASE ORDER BY id',
  );
  const byId = db.prepare<[number], DeviceRow>('SELECT * FROM devices WHERE id = ?');
  const stored = db.prepare<[number], { collected_at: string; document: string }>(
    'SELECT collected_at, document FROM self_inventories WHERE device_id = ?',
  );
  const store = db.prepare(`
    INSERT INTO self_inventories (device_id, collected_at, document) VALUES (@deviceId, @collectedAt, @document)
    ON CONFLICT (device_id) DO UPDATE SET collected_at = excluded.collected_at, document = excluded.document`);
  const insertDevice = db.prepare(`
    INSERT INTO devices (identity, ip, type, vendor, model, serial, mac, first_seen, last_seen, missing,
      host_name, os, sources, inventoried_at)
    VALUES (@identity, @ip, 'computer', @vendor, @model, @serial, @mac, @collectedAt, @collectedAt, 0,
      @hostName, @os, @sources, @collectedAt)`);
  const updateDevice = db.prepare(`
    UPDATE devices SET identity = @identity, ip = @ip, type = @type, vendor = @vendor, model = @model,
      serial = @serial, mac = @mac, host_name = @hostName, os = @os, sources = @sources,
      inventoried_at = @collectedAt, last_seen = @lastSeen, missing = @missing
    WHERE id = @id`);

  const byIdentity = db.prepare<[string], { id: number }>(
    'SELECT id FROM devices WHERE identity = ? LIMIT 1',
  );
  const insertBoard = db.prepare(`
    INSERT INTO devices (identity, ip, type, vendor, model, first_seen, last_seen, missing, host_name, room,
      notes, sources)
    VALUES (@identity, @ip, 'interactive-display', @vendor, @model, @seen, @seen, 0, @hostName, @room, @notes,
      '["usb"]')`);
  const updateBoard = db.prepare(`
    UPDATE devices SET ip = @ip, host_name = @hostName, room = COALESCE(room, @room), missing = 0,
      last_seen = MAX(last_seen, @seen) WHERE id = @id`);

  /**
   * The interactive boards plugged into a PC by USB (issue 4): one `interactive-display` device
   * each, keyed by the PC and the USB ids, at the PC's address and in its room.
   */
  const recordUsbBoards = (pcId: number, doc: SelfInventory, seen: string) => {
    const pc = byId.get(pcId) as DeviceRow;
    for (const usb of doc.usb ?? []) {
      if (!usb.interactiveBoard) continue;
      const hex = (id: number | null) => (id ?? 0).toString(16).padStart(4, '0');
      const identity = `usb:${pcId}:${hex(usb.vendorId)}:${hex(usb.productId)}`;
      const values = { ip: pc.ip, hostName: pc.host_name, room: pc.room, seen };
      const existing = byIdentity.get(identity);
      if (existing) updateBoard.run({ ...values, id: existing.id });
      else
        insertBoard.run({
          ...values,
          identity,
          vendor: usb.interactiveBoard.vendor,
          model: usb.interactiveBoard.model,
          notes: `USB → ${pc.host_name ?? pc.ip}`,
        });
    }
  };

  const storedDocument = (deviceId: number): SelfInventory | null => {
    const row = stored.get(deviceId);
    if (!row) return null;
    try {
      const parsed = SelfInventory.safeParse(JSON.parse(row.document));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  };

  /** The device a document belongs to, `ambiguous` (several by host name only), or null. */
  const match = (keys: DocumentKeys): number | 'ambiguous' | null => {
    const found =
      (keys.serial ? bySerial.get(keys.serial) : undefined) ??
      keys.macs.map((mac) => byMac.get(mac)).find((row) => row !== undefined);
    if (found) return found.id;
    if (!keys.hostName) return null;
    // Same name, but another serial: another machine (a re-imaged PC keeps its name, not its board).
    const named = byHostName
      .all(keys.hostName)
      .filter((row) => !(keys.serial && usableDmiText(row.serial) && row.serial !== keys.serial));
    if (named.length === 1) return named[0].id;
    return named.length > 1 ? 'ambiguous' : null;
  };

  const importDocument = db.transaction(
    (doc: SelfInventory, file: InventoryFileRef): InventoryImportOutcome => {
      if (fileKnown.get(file.sha256)) return 'already-imported';
      const keys = keysOf(doc);
      const found = match(keys);
      const noKey = !keys.serial && keys.macs.length === 0;
      if (found === 'ambiguous' && noKey) return 'unmatched';
      if (found === null && noKey && !keys.hostName) return 'unmatched';

      // A PC whose clock runs ahead must not lock its later inventories out: never after the import.
      const collectedAt = new Date(Math.min(Date.parse(doc.collectedAt), Date.parse(file.now))).toISOString();
      const previousDoc = typeof found === 'number' ? storedDocument(found) : null;
      // Sections this collection could not read keep what an earlier one found (BIOS, disks…).
      const document = JSON.stringify(withEarlierSections(doc, previousDoc));
      const fields = {
        vendor: usableDmiText(doc.system?.manufacturer),
        model: usableDmiText(doc.system?.model),
        serial: keys.serial,
        mac: keys.mac,
        hostName: keys.hostName,
        os: describeOs(doc.os),
        collectedAt,
      };

      if (typeof found !== 'number') {
        const id = Number(
          insertDevice.run({
            ...fields,
            identity: identityOf(keys),
            ip: keys.ip ?? '',
            sources: JSON.stringify(['self-inventory']),
          }).lastInsertRowid,
        );
        store.run({ deviceId: id, collectedAt, document });
        recordFile.run({ ...file, deviceId: id });
        recordUsbBoards(id, doc, collectedAt);
        return 'created';
      }

      const previous = stored.get(found);
      recordFile.run({ ...file, deviceId: found });
      if (previous && (later(previous.collected_at, collectedAt) || previous.document === document))
        return 'unchanged';

      const row = byId.get(found) as DeviceRow;
      const newer = later(collectedAt, row.last_seen);
      updateDevice.run({
        id: found,
        identity: /^(serial|mac):/.test(row.identity) ? row.identity : identityOf(keys),
        // The address the PC had when collected, if nothing has seen it since.
        ip: newer && keys.ip ? keys.ip : row.ip,
        // A host the probes could not type is a computer; a type known otherwise is kept.
        type: row.type === 'other' ? 'computer' : row.type,
        vendor: fields.vendor ?? row.vendor,
        model: fields.model ?? row.model,
        serial: fields.serial ?? row.serial,
        // The stored MAC stays when it is one of this PC's; else the document's.
        mac: row.mac && keys.macs.includes(row.mac) ? row.mac : (fields.mac ?? row.mac),
        hostName: fields.hostName ?? row.host_name,
        os: fields.os ?? row.os,
        sources: JSON.stringify(
          mergeSources(JSON.parse(row.sources || '[]') as string[], ['self-inventory']),
        ),
        collectedAt,
        lastSeen: newer ? collectedAt : row.last_seen,
        missing: newer ? 0 : row.missing,
      });
      store.run({ deviceId: found, collectedAt, document });
      recordUsbBoards(found, doc, collectedAt);
      return 'updated';
    },
  );

  return {
    /**
     * Imports one self-inventory document in one IMMEDIATE transaction (see InventoryImportOutcome).
     * A file whose sha256 is known is skipped. The device is matched by usable serial, else a
     * non-virtual MAC, else host name (case-insensitive, not a device with another serial), else
     * a `computer` is created. On a match, vendor, model, serial, MAC, host name, OS
     * (`Windows 11 Pro 10.0.22631`), inventoried_at and sources (+ `self-inventory`) are updated,
     * and last_seen (and the IP) when the document is newer than the last sighting; room, notes
     * and asset tag are never touched. Every file but an unmatched one is recorded.
     * @throws ZodError when `doc` is not a valid `SelfInventory`.
     */
    importDocument(doc: SelfInventory, file: InventoryFileRef): InventoryImportOutcome {
      return importDocument.immediate(SelfInventory.parse(doc), file);
    },

    /** The latest self-inventory stored for a device, or null. */
    get(deviceId: number): SelfInventory | null {
      return storedDocument(deviceId);
    },

    /** Whether a file with these bytes (hex sha256) was imported already. */
    isImported(sha256: string): boolean {
      return fileKnown.get(sha256) !== undefined;
    },
  };
}

export type InventoriesRepo = ReturnType<typeof createInventoriesRepo>;
