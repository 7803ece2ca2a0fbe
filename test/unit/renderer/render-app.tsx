import { render, screen } from '@testing-library/react';
import { App } from '../../../renderer/src/App';
import type { FakeParcApi } from './fake-parc-api';

/** Renders the whole console over a fake API and waits for the first `inventory:list`. */
export async function renderApp(api: FakeParcApi) {
  const view = render(<App api={api} />);
  await screen.findByRole('button', { name: 'Scanner' });
  await vi.waitFor(() => expect(api.inputsOf('inventory:list').length).toBeGreaterThan(0));
  return view;
}
