import type { Device } from '../../../shared/domain/device';
import { ok, type Result } from '../../../shared/ipc/result';
import { DeviceSummary } from '../../../shared/ipc/contract';
import { createDevicesStore, toDeviceSummary } from '../../../renderer/src/stores/devices-store';
import { createFakeParcApi, makeDevice } from './fake-parc-api';

const devices = (): Device[] => [
  makeDevice({
    id: 1,
    ip: '10.0.0.1',
    type: 'printer',
    sysName: 'IMP-CDI',
    sysDescr: 'HP LaserJet',
    notes: 'n1',
  }),
  makeDevice({ id: 2, ip: '10.0.0.2', type: 'switch', sysName: 'SW-B', sysDescr: 'Cisco IOS', room: 'B' }),
];

/** A promise and the function that settles it, to answer `inventory:get` in any order. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe('devices store', () => {
  it('loads the table rows with inventory:listSummaries: table fields only, no sysDescr or notes', async () => {
    const api = createFakeParcApi({ devices: devices() });
    const store = createDevicesStore(api);
    await store.getState().load();
    expect(api.inputsOf('inventory:listSummaries')).toEqual([{}]);
    expect(api.inputsOf('inventory:list')).toEqual([]);
    const row = store.getState().devices[0]!;
    expect(row).toMatchObject({ id: 1, ip: '10.0.0.1', sysName: 'IMP-CDI', type: 'printer' });
    expect('sysDescr' in row).toBe(false);
    expect('notes' in row).toBe(false);
    expect(store.getState().detail).toBeNull();
  });

  it('takes a list asked before it existed for its first load only (main.tsx asks it first thing)', async () => {
    const api = createFakeParcApi({ devices: devices() });
    const early = { id: 9, ip: '10.0.0.9', type: 'ups' as const };
    const firstList = Promise.resolve(ok([toDeviceSummary(makeDevice(early))]));
    const store = createDevicesStore(api, firstList);
    await store.getState().load();
    expect(api.inputsOf('inventory:listSummaries')).toEqual([]);
    expect(store.getState().devices.map((d) => d.id)).toEqual([9]);
    await store.getState().load();
    expect(api.inputsOf('inventory:listSummaries')).toEqual([{}]);
    expect(store.getState().devices.map((d) => d.id)).toEqual([1, 2]);
  });

  it('reads the whole record of the selected device with inventory:get', async () => {
    const api = createFakeParcApi({ devices: devices() });
    const store = createDevicesStore(api);
    await store.getState().load();
    const selecting = store.getState().select(2);
    expect(store.getState()).toMatchObject({ selectedId: 2, detail: null, detailError: null });
    await selecting;
    expect(api.inputsOf('inventory:get')).toEqual([{ id: 2 }]);
    expect(store.getState().detail).toMatchObject({ id: 2, sysDescr: 'Cisco IOS', room: 'B' });
    // The same device again: nothing is read again.
    await store.getState().select(2);
    expect(api.inputsOf('inventory:get')).toEqual([{ id: 2 }]);
    await store.getState().select(null);
    expect(store.getState()).toMatchObject({ selectedId: null, detail: null });
  });

  it('keeps the last selected device when an earlier answer arrives late', async () => {
    const answers = new Map<number, ReturnType<typeof deferred<Result<Device>>>>([
      [1, deferred()],
      [2, deferred()],
    ]);
    const api = createFakeParcApi(
      { devices: devices() },
      { 'inventory:get': ({ id }) => answers.get(id)!.promise },
    );
    const store = createDevicesStore(api);
    const first = store.getState().select(1);
    const second = store.getState().select(2);
    answers.get(2)!.resolve(ok(devices()[1]!));
    await second;
    answers.get(1)!.resolve(ok(devices()[0]!));
    await first;
    expect(store.getState().selectedId).toBe(2);
    expect(store.getState().detail?.sysDescr).toBe('Cisco IOS');
  });

  it('keeps why the record could not be read, and reads it again on the next click', async () => {
    let fails = true;
    const api = createFakeParcApi({ devices: devices() });
    const real = api.invoke;
    api.invoke = ((channel, input) =>
      channel === 'inventory:get' && fails
        ? Promise.resolve({ ok: false, error: { code: 'not-found', message: 'No device with id 1.' } })
        : real(channel, input)) as typeof api.invoke;
    const store = createDevicesStore(api);
    await store.getState().select(1);
    expect(store.getState()).toMatchObject({
      selectedId: 1,
      detail: null,
      detailError: { code: 'not-found', message: 'No device with id 1.' },
    });
    fails = false;
    await store.getState().select(1);
    expect(store.getState()).toMatchObject({ detailError: null, detail: { id: 1, notes: 'n1' } });
  });

  it('puts a saved edit in the row (table fields only) and in the detail', async () => {
    const api = createFakeParcApi({ devices: devices() });
    const store = createDevicesStore(api);
    await store.getState().load();
    await store.getState().select(1);
    expect(await store.getState().update({ id: 1, room: 'CDI', notes: 'toner commandé' })).toBe(true);
    const row = store.getState().devices.find((d) => d.id === 1)!;
    expect(row.room).toBe('CDI');
    expect('notes' in row).toBe(false);
    expect(store.getState().detail).toMatchObject({ id: 1, room: 'CDI', notes: 'toner commandé' });
  });

  it('makes the same table row of a record as the contract (toDeviceSummary = DeviceSummary.parse)', () => {
    for (const device of devices()) expect(toDeviceSummary(device)).toEqual(DeviceSummary.parse(device));
  });

  it('reads the selected device again when the list is reloaded (after a scan)', async () => {
    const api = createFakeParcApi({ devices: devices() });
    const store = createDevicesStore(api);
    await store.getState().load();
    await store.getState().select(2);
    api.state.devices[1] = { ...api.state.devices[1]!, sysDescr: 'Cisco IOS 15.2', room: 'B2' };
    await store.getState().load();
    expect(api.inputsOf('inventory:get')).toEqual([{ id: 2 }, { id: 2 }]);
    expect(store.getState().detail).toMatchObject({ sysDescr: 'Cisco IOS 15.2', room: 'B2' });
    expect(store.getState().devices[1]!.room).toBe('B2');
  });
});
