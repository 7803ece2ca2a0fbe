import { afterAll, describe, expect, it, vi } from 'vitest';

const fakes = vi.hoisted(() => ({
  app: {
    exit: vi.fn(),
    quit: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    on: vi.fn(),
    whenReady: vi.fn(),
  },
  runCli: vi.fn(async () => 0),
}));

vi.mock('electron', () => ({
  app: fakes.app,
  BrowserWindow: class {},
  dialog: {},
  ipcMain: { handle: vi.fn() },
  safeStorage: {},
  session: {},
  shell: {},
}));
vi.mock('../../../electron/cli/run', () => ({ runCli: fakes.runCli }));

describe('Parc --cli', () => {
  const argv = process.argv;
  afterAll(() => {
    process.argv = argv;
  });

  it('runs the command line without a window (the collector in a logon script), then exits with its status', async () => {
    fakes.runCli.mockResolvedValueOnce(2);
    process.argv = [
      'C:\\Program Files\\Parc\\Parc.exe',
      '--cli',
      'inventory',
      '--self',
      '--out',
      '\\\\SCRIBE\\parc',
    ];
    await import('../../../electron/main');
    await vi.waitFor(() => expect(fakes.app.exit).toHaveBeenCalledWith(2));
    expect(fakes.runCli).toHaveBeenCalledWith(
      ['inventory', '--self', '--out', '\\\\SCRIBE\\parc'],
      expect.anything(),
    );
    expect(fakes.app.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(fakes.app.whenReady).not.toHaveBeenCalled();
  });
});
