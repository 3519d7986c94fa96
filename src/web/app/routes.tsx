import { createBrowserRouter } from 'react-router';
import { Shell } from './Shell';
import { NotFoundPage } from './NotFoundPage';
import { LoginPage } from '../session/LoginPage';
import { RequireSession } from '../session/RequireSession';
import { StartPage } from '../start/StartPage';
import { ContactPage } from '../contact/ContactPage';

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
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
