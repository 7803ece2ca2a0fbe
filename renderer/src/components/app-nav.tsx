import { useTranslation } from 'react-i18next';
import type { ScreenDefinition, ScreenId } from '../screens';

/** The left navigation between screens; the current one is marked with `aria-current`. */
export function AppNav({
  screens,
  currentId,
  onSelect,
}: {
  screens: readonly ScreenDefinition[];
  currentId: string;
  onSelect: (id: ScreenId) => void;
}) {
  const { t } = useTranslation();
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul>
        {screens.map((screen) => (
          <li key={screen.id}>
            <button
              type="button"
              className="nav-item"
              aria-current={screen.id === currentId ? 'page' : undefined}
              onClick={() => onSelect(screen.id)}
            >
              {t(screen.labelKey)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
