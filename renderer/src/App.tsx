import type { i18n } from 'i18next';
import { useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { useStore } from 'zustand';
import type { RendererApi } from './api/renderer-api';
import { AppHeader } from './components/app-header';
import { AppNav } from './components/app-nav';
import { StartupNotices } from './components/startup-notices';
import { createI18n } from './i18n/i18n';
import { SCREENS, SIMPLE_MODE_SCREEN, type ScreenId } from './screens';
import { connectStores, createStores, loadInitialData, type Stores } from './stores/stores';
import { StoresProvider } from './stores/stores-context';

/**
 * The whole console over one `ParcApi`: creates the slices and the translations, routes the
 * engine's events to the slices and loads the first data. Tests pass a fake API.
 * @param loading slices over `api` whose first loads (`loadInitialData`) are already running:
 *   main.tsx starts them before the first render, so that the engine reads the inventory while
 *   React builds the page. Without it, App creates the slices and loads once mounted.
 */
export function App({ api, loading }: { api: RendererApi; loading?: Stores }) {
  const [stores] = useState<Stores>(() => loading ?? createStores(api));
  const [i18n] = useState<i18n>(() => createI18n('fr'));
  const [chosenScreenId, setScreenId] = useState<ScreenId>(SCREENS[0]?.id ?? 'network');
  const language = useStore(stores.settings, (s) => s.language);
  const simpleMode = useStore(stores.ui, (s) => s.simpleMode);
  // The simple mode is for the agent who changes cartridges: printers only, no navigation.
  const screenId = simpleMode ? SIMPLE_MODE_SCREEN : chosenScreenId;

  useEffect(() => {
    const disconnect = connectStores(api, stores);
    if (stores !== loading) void loadInitialData(stores);
    return disconnect;
  }, [api, stores, loading]);

  useEffect(() => {
    // Changing to the language already shown would still re-render every translated component.
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);

  useEffect(() => {
    // Large text everywhere (sizes are in rem).
    document.documentElement.classList.toggle('simple-mode', simpleMode);
  }, [simpleMode]);

  const screen = SCREENS.find((candidate) => candidate.id === screenId) ?? SCREENS[0];

  return (
    <I18nextProvider i18n={i18n}>
      <StoresProvider stores={stores}>
        <div className="app">
          <AppHeader />
          <StartupNotices api={api} />
          <div className="app-body">
            {simpleMode ? null : <AppNav screens={SCREENS} currentId={screenId} onSelect={setScreenId} />}
            <main className="app-main">{screen ? <screen.Component /> : null}</main>
          </div>
        </div>
      </StoresProvider>
    </I18nextProvider>
  );
}
