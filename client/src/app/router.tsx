import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { HomePage } from '../features/meetings/HomePage';
import { MeetingPage } from '../features/meetings/MeetingPage';
import { MeetingsListPage } from '../features/meetings/MeetingsListPage';
import { PrepPage } from '../features/meetings/prep/PrepPage';
import { SearchPage } from '../features/search/SearchPage';
import { AdminUsersPage } from '../features/users/AdminUsersPage';
import { Spinner } from '../ui/Spinner';
import { CHANGE_PASSWORD_PATH, RequireAdmin, RequireAuth, RequireSecretary } from './guards';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';

// pdf.js is large: the reader and its worker load only when a document is opened.
const ReaderPage = lazy(() => import('../features/documents/reader/ReaderPage'));
// The live room renders pages with pdf.js too: loaded on entering the room.
const LiveRoomPage = lazy(() => import('../features/live/LiveRoomPage'));
const ProjectorPage = lazy(() => import('../features/live/ProjectorPage'));
// Only the secretary, the chair and members after approval open the minutes: their screens load on demand.
const MinutesPage = lazy(() => import('../features/minutes/MinutesPage'));
const MyTasksPage = lazy(() => import('../features/minutes/MyTasksPage'));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      // The projector: the whole screen is the meeting, no app chrome.
      {
        path: '/cuoc-hop/:id/man-chieu',
        element: (
          <Suspense fallback={<Spinner size="lg" />}>
            <ProjectorPage />
          </Suspense>
        ),
      },
      // The reader: the whole screen is the document, with its own bar (back to the meeting).
      {
        path: '/tai-lieu/:id',
        element: (
          <Suspense fallback={<Spinner size="lg" />}>
            <ReaderPage />
          </Suspense>
        ),
      },
      {
        element: <Layout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: CHANGE_PASSWORD_PATH, element: <ChangePasswordPage /> },
          { element: <RequireAdmin />, children: [{ path: '/quan-tri/nguoi-dung', element: <AdminUsersPage /> }] },
          {
            element: <RequireSecretary />,
            children: [
              { path: '/cuoc-hop', element: <MeetingsListPage /> },
              { path: '/cuoc-hop/moi', element: <PrepPage /> },
              { path: '/cuoc-hop/:id/chuan-bi', element: <PrepPage /> },
            ],
          },
          { path: '/tim-kiem', element: <SearchPage /> },
          { path: '/cuoc-hop/:id', element: <MeetingPage /> },
          {
            path: '/cuoc-hop/:id/phong-hop',
            element: (
              <Suspense fallback={<Spinner size="lg" />}>
                <LiveRoomPage />
              </Suspense>
            ),
          },
          {
            path: '/cuoc-hop/:id/bien-ban',
            element: (
              <Suspense fallback={<Spinner size="lg" />}>
                <MinutesPage />
              </Suspense>
            ),
          },
          {
            path: '/nhiem-vu',
            element: (
              <Suspense fallback={<Spinner size="lg" />}>
                <MyTasksPage />
              </Suspense>
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
