import { createBrowserRouter } from 'react-router';
import { Shell } from './Shell';
import { NotFoundPage } from './NotFoundPage';
import { LoginPage } from '../session/LoginPage';
import { RequireSession } from '../session/RequireSession';
import { StartPage } from '../start/StartPage';
import { ContactPage } from '../contact/ContactPage';
import { GroupPage } from '../groups/GroupPage';
import { PupilPage } from '../pupils/PupilPage';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <Shell />
      </RequireSession>
    ),
    children: [
      { index: true, element: <StartPage /> },
      { path: 'kontaktuppgifter', element: <ContactPage /> },
      { path: 'grupper/:groupId', element: <GroupPage /> },
      { path: 'elever/:pupilId', element: <PupilPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
