import { StrictMode } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { SessionProvider } from '../features/auth/SessionProvider';
import { ToastProvider } from '../ui/Toast';
import { router } from './router';

function Providers() {
  const { t } = useTranslation();
  return (
    <ToastProvider labels={{ dismiss: t('toast.dismiss'), region: t('toast.region') }}>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </ToastProvider>
  );
}

export function App() {
  return (
    <StrictMode>
      <Providers />
    </StrictMode>
  );
}
