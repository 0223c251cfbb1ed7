import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/api-error';

/** Turns any thrown value into a message in the current language. */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: unknown) => errorMessage(error, (key, vars) => (i18n.exists(key) ? t(key, vars) : undefined)),
    [t, i18n],
  );
}
