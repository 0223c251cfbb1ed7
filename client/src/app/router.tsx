import { createBrowserRouter } from 'react-router';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { HomePage } from '../features/meetings/HomePage';
import { AdminUsersPage } from '../features/users/AdminUsersPage';
import { CHANGE_PASSWORD_PATH, RequireAdmin, RequireAuth } from './guards';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <Layout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: CHANGE_PASSWORD_PATH, element: <ChangePasswordPage /> },
          { element: <RequireAdmin />, children: [{ path: '/quan-tri/nguoi-dung', element: <AdminUsersPage /> }] },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
