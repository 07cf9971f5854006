import '@mantine/core/styles.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, StrictMode, Suspense, useEffect } from 'react';
import type { ComponentType, ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './app/api';
import { queryClient } from './app/query';
import { Loading } from './app/ui/loading';
import { NotFoundPage } from './app/ui/not-found-page';
import { Layout } from './app/layout';
import { match, navigate, useLocation } from './app/router';
import { useSession } from './app/session';

/**
 * Each page is its own chunk, loaded when first opened: the first paint carries the shell only (charts, forms' schemas
 * and the big feature pages come with the pages that use them).
 */
// biome-ignore lint/suspicious/noExplicitAny: any page's props; the page's own props type comes back through M[K]
function lazyPage<K extends string, M extends Record<K, ComponentType<any>>>(load: () => Promise<M>, name: K) {
  return lazy(async () => {
    try {
      const m = await load();
      sessionStorage.removeItem('qc-reloaded');
      return { default: m[name] };
    } catch (e) {
      // A new version was installed while this tab was open: its old chunks are gone, so load the new one (once).
      if (!sessionStorage.getItem('qc-reloaded')) {
        sessionStorage.setItem('qc-reloaded', '1');
        location.reload();
        return new Promise<never>(() => undefined);
      }
      throw e;
    }
  }) as unknown as M[K];
}
const BodyPage = lazyPage(() => import('./features/body/body.page'), 'BodyPage');
const OrgPage = lazyPage(() => import('./features/org/org.page'), 'OrgPage');
const TreePage = lazyPage(() => import('./features/org/tree.page'), 'TreePage');
const PersonPage = lazyPage(() => import('./features/person/person.page'), 'PersonPage');
const SearchPage = lazyPage(() => import('./features/search/search.page'), 'SearchPage');
const RegulationRoutes = lazyPage(() => import('./features/regulation/regulation.routes'), 'RegulationRoutes');
const CalendarPage = lazyPage(() => import('./features/meeting/calendar.page'), 'CalendarPage');
const MeetingReportPage = lazyPage(() => import('./features/meeting/meeting-report.page'), 'MeetingReportPage');
const MeetingPage = lazyPage(() => import('./features/meeting/meeting.page'), 'MeetingPage');
const SitePage = lazyPage(() => import('./features/meeting/site.page'), 'SitePage');
const TaskBoardPage = lazyPage(() => import('./features/task/task-board.page'), 'TaskBoardPage');
const TaskDashboardPage = lazyPage(() => import('./features/task/task-dashboard.page'), 'TaskDashboardPage');
const TaskListPage = lazyPage(() => import('./features/task/task-list.page'), 'TaskListPage');
const TaskPage = lazyPage(() => import('./features/task/task.page'), 'TaskPage');
const TaskTimelinePage = lazyPage(() => import('./features/task/task-timeline.page'), 'TaskTimelinePage');
const InspectionListPage = lazyPage(() => import('./features/program/inspection-list.page'), 'InspectionListPage');
const InspectionPage = lazyPage(() => import('./features/program/inspection.page'), 'InspectionPage');
const ProgramListPage = lazyPage(() => import('./features/program/program-list.page'), 'ProgramListPage');
const ProgramPage = lazyPage(() => import('./features/program/program.page'), 'ProgramPage');
const RecommendationListPage = lazyPage(
  () => import('./features/program/recommendation-list.page'),
  'RecommendationListPage',
);
const RecommendationPage = lazyPage(() => import('./features/program/recommendation.page'), 'RecommendationPage');
const ConsultationListPage = lazyPage(
  () => import('./features/consultation/consultation-list.page'),
  'ConsultationListPage',
);
const ConsultationPage = lazyPage(() => import('./features/consultation/consultation.page'), 'ConsultationPage');
const AccountListPage = lazyPage(() => import('./features/account/account-list.page'), 'AccountListPage');
// The login form is checked against its schema (Zod): a chunk of its own, so that a signed-in user's first page does
// not load the validation library it does not use.
const LoginPage = lazyPage(() => import('./features/auth/login.page'), 'LoginPage');
const ChangePasswordPage = lazyPage(() => import('./features/account/password.page'), 'ChangePasswordPage');
const ReviewPage = lazyPage(() => import('./features/review/review.page'), 'ReviewPage');
const SubordinatesPage = lazyPage(() => import('./features/review/subordinates.page'), 'SubordinatesPage');
const BriefingPage = lazyPage(() => import('./features/review/briefing.page'), 'BriefingPage');
const ReviewReportPage = lazyPage(() => import('./features/review/review-report.page'), 'ReviewReportPage');
const ShortcomingPage = lazyPage(() => import('./features/review/shortcoming.page'), 'ShortcomingPage');
const ReviewRequestListPage = lazyPage(() => import('./features/review/review-request.page'), 'ReviewRequestListPage');
const ReviewRequestPage = lazyPage(() => import('./features/review/review-request.page'), 'ReviewRequestPage');
const HomePage = lazyPage(() => import('./features/home/home.page'), 'HomePage');
const DirectoryPage = lazyPage(() => import('./features/person/directory.page'), 'DirectoryPage');
const ConclusionListPage = lazyPage(() => import('./features/conclusion/conclusion-list.page'), 'ConclusionListPage');
const NotificationPage = lazyPage(() => import('./features/notification/notification.page'), 'NotificationPage');
const JobsPage = lazyPage(() => import('./features/system/jobs.page'), 'JobsPage');
const MyCellPage = lazyPage(() => import('./features/cell/my-cell.page'), 'MyCellPage');
const CellsDashboardPage = lazyPage(() => import('./features/cell/cells-dashboard.page'), 'CellsDashboardPage');
const CellRegisterPage = lazyPage(() => import('./features/cell/cell-register.page'), 'CellRegisterPage');
const CellDuesPage = lazyPage(() => import('./features/cell/cell-dues.page'), 'CellDuesPage');
const PlanComparePage = lazyPage(() => import('./features/cell/plan-compare.page'), 'PlanComparePage');
const MemberFilePage = lazyPage(() => import('./features/cell/member-file.page'), 'MemberFilePage');
const AssessmentListPage = lazyPage(() => import('./features/assessment/assessment-list.page'), 'AssessmentListPage');
const AssessmentPage = lazyPage(() => import('./features/assessment/assessment.page'), 'AssessmentPage');
const CellMeetingRecordPage = lazyPage(
  () => import('./features/cell/cell-meeting-record.page'),
  'CellMeetingRecordPage',
);

const theme = createTheme({
  primaryColor: 'red',
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
});

function App() {
  const { me, setMe, loadMe } = useSession();
  const { path } = useLocation();
  useEffect(() => {
    const onOut = () => setMe(null);
    const onMustChange = () => void loadMe();
    window.addEventListener('qc-unauthenticated', onOut);
    window.addEventListener('qc-password-change', onMustChange);
    return () => {
      window.removeEventListener('qc-unauthenticated', onOut);
      window.removeEventListener('qc-password-change', onMustChange);
    };
  }, [loadMe, setMe]);
  useEffect(() => {
    if (me === null && path !== '/login') navigate('/login', true);
  }, [me, path]);
  if (me === undefined) return <Loading />;
  if (me === null || path === '/login')
    return (
      <Suspense fallback={<Loading />}>
        <LoginPage onLogin={setMe} />
      </Suspense>
    );
  // After an administrator's reset nothing else answers until the user has chosen a new password.
  if (me.user.mustChangePassword) {
    const logout = () => void api('POST', '/auth/logout').finally(() => setMe(null));
    return (
      <Suspense fallback={<Loading />}>
        <ChangePasswordPage me={me} forced onChanged={() => void loadMe()} onLogout={logout} />
      </Suspense>
    );
  }
  let page: ReactNode;
  let m: Record<string, string> | null;
  // A member without a role in any organization works from their cell's page.
  if (path === '/') page = me.grants.length === 0 && me.user.personId ? <MyCellPage me={me} /> : <HomePage me={me} />;
  else if (path === '/chi-bo-cua-toi') page = <MyCellPage me={me} />;
  else if ((m = match('/cells/:id/record', path))) page = <CellMeetingRecordPage key={m['id']} cellId={m['id']!} />;
  else if ((m = match('/cells/:id/members', path))) page = <CellRegisterPage key={m['id']} cellId={m['id']!} />;
  else if ((m = match('/cells/:id/dues', path))) page = <CellDuesPage key={m['id']} cellId={m['id']!} />;
  else if (path === '/cells') page = <CellsDashboardPage me={me} />;
  else if (path === '/plans/compare') page = <PlanComparePage />;
  else if (path === '/assessments') page = <AssessmentListPage me={me} />;
  else if ((m = match('/assessments/:id', path))) page = <AssessmentPage key={m['id']} id={m['id']!} />;
  else if ((m = match('/members/:id', path))) page = <MemberFilePage key={m['id']} id={m['id']!} />;
  else if (path === '/org') page = <TreePage />;
  else if (path === '/notifications') page = <NotificationPage />;
  else if (path === '/people') page = <DirectoryPage />;
  else if (path === '/conclusions') page = <ConclusionListPage />;
  else if ((m = match('/org/:id', path))) page = <OrgPage id={m['id']!} />;
  else if ((m = match('/body/:id', path))) page = <BodyPage id={m['id']!} />;
  else if ((m = match('/person/:id', path))) page = <PersonPage id={m['id']!} />;
  else if (path === '/search') page = <SearchPage />;
  else if (path.startsWith('/regulations')) page = <RegulationRoutes path={path} />;
  else if (path === '/meetings') page = <CalendarPage />;
  else if (path === '/meetings/report') page = <MeetingReportPage />;
  else if ((m = match('/meetings/:id/sites/:siteId', path)))
    page = <SitePage key={path} id={m['id']!} siteId={m['siteId']!} />;
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
  else if (path === '/system/jobs') page = <JobsPage me={me} />;
  else page = <NotFoundPage />;
  return (
    <Layout me={me} onLogout={() => setMe(null)}>
      <Suspense fallback={<Loading />}>{page}</Suspense>
    </Layout>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme}>
        <App />
      </MantineProvider>
    </QueryClientProvider>
  </StrictMode>,
);
