import type { ComponentType } from 'react';
import { NetworkScreen } from './features/network/network-screen';

/** One entry of the left navigation. Later screens (Imprimantes, Vidéoprojecteurs, Serveur, Rapports) go here. */
export type ScreenDefinition = {
  readonly id: string;
  /** i18n key of the navigation label (also the screen's title). */
  readonly labelKey: 'nav.network';
  readonly Component: ComponentType;
};

/** The screens, in navigation order; the first is shown at start. */
export const SCREENS: readonly ScreenDefinition[] = [
  { id: 'network', labelKey: 'nav.network', Component: NetworkScreen },
];
