import type { ComponentType } from 'react';
import { MachinesScreen } from './features/machines/machines-screen';
import { NetworkScreen } from './features/network/network-screen';
import { PrintersScreen } from './features/printers/printers-screen';
import { ProjectorsScreen } from './features/projectors/projectors-screen';
import { ReportsScreen } from './features/reports/reports-screen';
import { ServersScreen } from './features/servers/servers-screen';

/** One entry of the left navigation. */
export type ScreenDefinition = {
  readonly id: ScreenId;
  /** i18n key of the navigation label (also the screen's title). */
  readonly labelKey:
    'nav.network' | 'nav.printers' | 'nav.projectors' | 'nav.machines' | 'nav.servers' | 'nav.reports';
  readonly Component: ComponentType;
};

export type ScreenId = 'network' | 'printers' | 'projectors' | 'machines' | 'servers' | 'reports';

/** The screen the simple mode shows (and the only one it shows). */
export const SIMPLE_MODE_SCREEN: ScreenId = 'printers';

/** The screens, in navigation order; the first is shown at start. */
export const SCREENS: readonly ScreenDefinition[] = [
  { id: 'network', labelKey: 'nav.network', Component: NetworkScreen },
  { id: 'printers', labelKey: 'nav.printers', Component: PrintersScreen },
  { id: 'projectors', labelKey: 'nav.projectors', Component: ProjectorsScreen },
  { id: 'machines', labelKey: 'nav.machines', Component: MachinesScreen },
  { id: 'servers', labelKey: 'nav.servers', Component: ServersScreen },
  { id: 'reports', labelKey: 'nav.reports', Component: ReportsScreen },
];
