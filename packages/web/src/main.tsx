import '@mantine/core/styles.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { api, setCsrf } from './app/api';
import { Loading, NotFoundPage } from './app/common';
import { Layout } from './app/layout';
import { match, navigate, useLocation } from './app/router';
import type { Me } from './app/session';
import { LoginPage } from './features/auth/login.page';
import { BodyPage } from './features/body/body.page';
import { OrgPage } from './features/org/org.page';
import { TreePage } from './features/org/tree.page';
import { PersonPage } from './features/person/person.page';
import { SearchPage } from './features/search/search.page';
import { RegulationRoutes } from './features/regulation/regulation.routes';
import { CalendarPage } from './features/meeting/calendar.page';
import { MeetingReportPage } from './features/meeting/meeting-report.page';
import { MeetingPage } from './features/meeting/meeting.page';
import { SitePage } from './features/meeting/site.page';
import { TaskBoardPage } from './features/task/task-board.page';
import { TaskDashboardPage } from './features/task/task-dashboard.page';
import { TaskListPage } from './features/task/task-list.page';
import { TaskPage } from './features/task/task.page';
import { TaskTimelinePage } from './features/task/task-timeline.page';
import { InspectionListPage } from './features/program/inspection-list.page';
import { InspectionPage } from './features/program/inspection.page';
import { ProgramListPage } from './features/program/program-list.page';
import { ProgramPage } from './features/program/program.page';
import { RecommendationListPage } from './features/program/recommendation-list.page';
import { RecommendationPage } from './features/program/recommendation.page';
import { ConsultationListPage } from './features/consultation/consultation-list.page';
import { ConsultationPage } from './features/consultation/consultation.page';
import { AccountListPage } from './features/account/account-list.page';
import { ChangePasswordPage } from './features/account/password.page';
import { ReviewPage } from './features/review/review.page';
import { SubordinatesPage } from './features/review/subordinates.page';
import { BriefingPage } from './features/review/briefing.page';
import { ReviewReportPage } from './features/review/review-report.page';
import { ShortcomingPage } from './features/review/shortcoming.page';
import { ReviewRequestListPage, ReviewRequestPage } from './features/review/review-request.page';

const theme = createTheme({ primaryColor: 'red', fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif' });

function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const { path } = useLocation();
  const loadMe = () =>
    api<Me>('GET', '/auth/me').then(
      (m) => {
        setCsrf(m.csrfToken);
        setMe(m);
      },
      () => setMe(null),
    );
  useEffect(() => {
    void loadMe();
    const onOut = () => setMe(null);
    const onMustChange = () => void loadMe();
    window.addEventListener('qc-unauthenticated', onOut);
    window.addEventListener('qc-password-change', onMustChange);
    return () => {
      window.removeEventListener('qc-unauthenticated', onOut);
      window.removeEventListener('qc-password-change', onMustChange);
    };
  }, []);
  useEffect(() => {
    if (me === null && path !== '/login') navigate('/login', true);
  }, [me, path]);
  if (me === undefined) return <Loading />;
  if (me === null || path === '/login') return <LoginPage onLogin={setMe} />;
  // After an administrator's reset nothing else answers until the user has chosen a new password.
  if (me.user.mustChangePassword) {
    const logout = () => void api('POST', '/auth/logout').finally(() => setMe(null));
    return <ChangePasswordPage me={me} forced onChanged={() => void loadMe()} onLogout={logout} />;
  }
  let page;
  let m: Record<string, string> | null;
  if (path === '/' || path === '/org') page = <TreePage />;
  else if ((m = match('/org/:id', path))) page = <OrgPage id={m['id']!} />;
  else if ((m = match('/body/:id', path))) page = <BodyPage id={m['id']!} />;
  else if ((m = match('/person/:id', path))) page = <PersonPage id={m['id']!} />;
  else if (path === '/search') page = <SearchPage />;
  else if (path.startsWith('/regulations')) page = <RegulationRoutes path={path} />;
  else if (path === '/meetings') page = <CalendarPage />;
  else if (path === '/meetings/report') page = <MeetingReportPage />;
  else if ((m = match('/meetings/:id/sites/:siteId', path))) page = <SitePage key={path} id={m['id']!} siteId={m['siteId']!} />;
  else if ((m = match('/meetings/:id', path))) page = <MeetingPage key={m['id']} id={m['id']!} />;
  else if (path === '/tasks') page = <TaskListPage />;
  else if (path === '/tasks/board') page = <TaskBoardPage />;
  else if (path === '/tasks/timeline') page = <TaskTimelinePage />;
  else if (path === '/tasks/dashboard') page = <TaskDashboardPage />;
  else if ((m = match('/tasks/:id', path))) page = <TaskPage key={m['id']} id={m['id']!} />;
  else if (path === '/programs') page = <ProgramListPage />;
  else if ((m = match('/programs/:id', path))) page = <ProgramPage key={m['id']} id={m['id']!} />;
  else if (path === '/inspections') page = <InspectionListPage />;
  else if ((m = match('/inspections/:id', path))) page = <InspectionPage key={m['id']} id={m['id']!} />;
  else if (path === '/recommendations') page = <RecommendationListPage />;
  else if ((m = match('/recommendations/:id', path))) page = <RecommendationPage key={m['id']} id={m['id']!} />;
  else if (path === '/consultations') page = <ConsultationListPage />;
  else if ((m = match('/consultations/:id', path))) page = <ConsultationPage key={m['id']} id={m['id']!} />;
  else if (path === '/reviews') page = <ReviewPage />;
  else if (path === '/reviews/subordinates') page = <SubordinatesPage />;
  else if (path === '/reviews/briefing') page = <BriefingPage />;
  else if (path === '/shortcomings') page = <ShortcomingPage />;
  else if (path === '/review-requests') page = <ReviewRequestListPage />;
  else if ((m = match('/review-requests/:id', path))) page = <ReviewRequestPage key={m['id']} id={m['id']!} />;
  else if ((m = match('/review-reports/:id', path))) page = <ReviewReportPage key={m['id']} id={m['id']!} />;
  else if (path === '/account/password') page = <ChangePasswordPage me={me} onChanged={() => undefined} />;
  else if (path === '/accounts') page = <AccountListPage me={me} />;
  else page = <NotFoundPage />;
  return (
    <Layout me={me} onLogout={() => setMe(null)}>
      {page}
    </Layout>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <App />
    </MantineProvider>
  </StrictMode>,
);
