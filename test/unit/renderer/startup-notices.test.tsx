import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeParcApi } from './fake-parc-api';
import { renderApp } from './render-app';

describe('startup notices', () => {
  it('says in French that a damaged database was kept aside, until the referent closes it', async () => {
    const api = createFakeParcApi({
      notices: [
        {
          code: 'database-set-aside',
          keptAs: '/home/r/.config/Parc/parc.db.damaged-2026-11-29T08-15-00Z',
          fields: [],
        },
      ],
    });
    await renderApp(api);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'La base de données de Parc était endommagée : elle a été mise de côté (/home/r/.config/Parc/parc.db.damaged-2026-11-29T08-15-00Z)',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Compris' }));
    expect(screen.queryByText(/endommagée/)).toBeNull();
  });

  it('shows nothing when nothing was repaired', async () => {
    await renderApp(createFakeParcApi());
    expect(screen.queryByText(/endommagé/)).toBeNull();
  });
});
