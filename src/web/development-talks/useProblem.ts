import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api';

/** The message of a refused change, in the page's words (`prefix.stale` for 409 stale_version). */
export function useProblem(prefix: string) {
  const { t, i18n } = useTranslation();
  return (error: unknown) => {
    if (isApiError(error, 409) && error.code === 'stale_version') return t(`${prefix}.stale`);
    const key = `${prefix}.problems.${isApiError(error) ? error.code : ''}`;
    return i18n.exists(key) ? t(key) : t('app.unexpectedError');
  };
}
