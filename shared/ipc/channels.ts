/**
 * The IPC channel names, dependency-free so that the sandboxed preload can import them.
 * Every name here has its schemas in `contract.ts` (a test checks both lists are equal).
 */
export const COMMAND_CHANNELS = [
  'inventory:list',
  'inventory:listSummaries',
  'inventory:get',
  'inventory:update',
  'scan:start',
  'scan:cancel',
  'scan:status',
  'network:suggest',
  'credentials:list',
  'credentials:add',
  'credentials:remove',
  'credentials:move',
  'printers:list',
  'printers:poll',
  'printers:replace',
  'printers:history',
  'projectors:list',
  'projectors:poll',
  'projectors:rated',
  'servers:list',
  'servers:save',
  'servers:remove',
  'servers:poll',
  'servers:status',
  'servers:history',
  'inventories:import',
  'reports:preview',
  'reports:send',
  'reports:outbox',
  'reports:retry',
  'reports:secrets',
  'reports:setSecret',
  'app:notices',
  'settings:get',
  'settings:set',
  'export:save',
  'import:plan',
  'import:apply',
] as const;

export const EVENT_CHANNELS = ['scan:progress', 'scan:finished'] as const;

export type CommandChannel = (typeof COMMAND_CHANNELS)[number];
export type EventChannel = (typeof EVENT_CHANNELS)[number];
