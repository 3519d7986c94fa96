import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api';

/** The message of a refused planning change, in the page's words. */
export function usePlanningProblem() {
  const { t, i18n } = useTranslation();
  return (error: unknown) => {
    const key = `planning.problems.${isApiError(error) ? error.code : ''}`;
    return i18n.exists(key) ? t(key) : t('app.unexpectedError');
  };
}
