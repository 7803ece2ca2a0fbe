import type { ComponentType } from 'react';
import { NetworkScreen } from './features/network/network-screen';
import { PrintersScreen } from './features/printers/printers-screen';

/** One entry of the left navigation. Later screens (Vidéoprojecteurs, Serveur, Rapports) go here. */
export type ScreenDefinition = {
  readonly id: ScreenId;
  /** i18n key of the navigation label (also the screen's title). */
  readonly labelKey: 'nav.network' | 'nav.printers';
  readonly Component: ComponentType;
};

export type ScreenId = 'network' | 'printers';

/** The screen the simple mode shows (and the only one it shows). */
export const SIMPLE_MODE_SCREEN: ScreenId = 'printers';

/** The screens, in navigation order; the first is shown at start. */
export const SCREENS: readonly ScreenDefinition[] = [
  { id: 'network', labelKey: 'nav.network', Component: NetworkScreen },
  { id: 'printers', labelKey: 'nav.printers', Component: PrintersScreen },
];
