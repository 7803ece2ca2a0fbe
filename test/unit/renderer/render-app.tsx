import { render, screen } from '@testing-library/react';
import { App } from '../../../renderer/src/App';
import type { FakeParcApi } from './fake-parc-api';

/** Renders the whole console over a fake API and waits for the first `inventory:listSummaries`. */
export async function renderApp(api: FakeParcApi) {
  const view = render(<App api={api} />);
  await screen.findByRole('button', { name: 'Scanner' });
  await vi.waitFor(() => expect(api.inputsOf('inventory:listSummaries').length).toBeGreaterThan(0));
  return view;
}

/**
 * The detail panel of the device named `name` once its whole record (`inventory:get`) is shown:
 * the panel is `aria-busy` while it loads.
 */
export async function findDeviceDetail(name: string): Promise<HTMLElement> {
  return vi.waitFor(() => {
    const detail = screen.getByRole('complementary', { name });
    expect(detail.getAttribute('aria-busy')).toBeNull();
    return detail;
  });
}
