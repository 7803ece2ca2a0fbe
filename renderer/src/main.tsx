// First: asks the engine for the device list before the rest of the script runs.
import { firstDeviceList } from './api/first-device-list';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getParcApi } from './api/parc-client';
import { createStores, loadInitialData } from './stores/stores';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root in index.html');

const api = getParcApi();
const stores = createStores(api, { firstDeviceList });
// The first answers (above all the inventory) are read while React builds the page, not after.
void loadInitialData(stores);

createRoot(container).render(
  <StrictMode>
    <App api={api} loading={stores} />
  </StrictMode>,
);
