import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';

/** The message of a refused change of a finding or measure, in the page's words. */
export function useFindingProblem() {
  const { t, i18n } = useTranslation();
  return (error: unknown) => {
    const key = `followupFindings.problems.${isApiError(error) ? error.code : ''}`;
    return i18n.exists(key) ? t(key) : t('app.unexpectedError');
  };
}
