import { type ComponentType, lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireSession } from './account/require-session';
import { AppLayout } from './layout/app-layout';
import { NotFound } from './layout/not-found';

/** A page loaded on first visit, so the first screen carries only its own code. */
function page<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  const Page = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  return <Page />;
}

export const router = createBrowserRouter(
  [
    {
      path: '/',
      element: (
        <RequireSession>
          <AppLayout />
        </RequireSession>
      ),
      children: [
        { index: true, element: page(() => import('./overview/overview-page'), 'OverviewPage') },
        { path: 'campaigns', element: page(() => import('./campaigns/campaigns-page'), 'CampaignsPage') },
        {
          path: 'campaigns/new',
          element: page(() => import('./campaigns/campaign-builder-page'), 'NewCampaignPage'),
        },
        {
          path: 'campaigns/:id',
          element: page(() => import('./campaigns/campaign-builder-page'), 'CampaignPage'),
        },
        { path: 'referrers', element: page(() => import('./referrers/referrers-page'), 'ReferrersPage') },
        { path: 'referrers/:id', element: page(() => import('./referrers/referrer-page'), 'ReferrerPage') },
        { path: 'leads', element: page(() => import('./leads/leads-page'), 'LeadsPage') },
        { path: 'leads/:id', element: page(() => import('./leads/lead-page'), 'LeadPage') },
        { path: 'syncs', element: page(() => import('./syncs/syncs-page'), 'SyncsPage') },
        { path: 'syncs/new', element: page(() => import('./syncs/sync-wizard-page'), 'SyncWizardPage') },
        { path: 'syncs/:id', element: page(() => import('./syncs/sync-page'), 'SyncPage') },
        { path: 'codes', element: page(() => import('./codes/codes-page'), 'CodesPage') },
        { path: 'rewards', element: page(() => import('./rewards/rewards-page'), 'RewardsPage') },
        { path: 'rewards/:id', element: page(() => import('./rewards/reward-page'), 'RewardPage') },
        {
          path: 'settings/stripe',
          element: page(() => import('./stripe/connections-page'), 'ConnectionsPage'),
        },
        {
          path: 'settings/stripe/:id',
          element: page(() => import('./stripe/connection-page'), 'ConnectionPage'),
        },
        { path: 'settings/api-keys', element: page(() => import('./keys/api-keys-page'), 'ApiKeysPage') },
        {
          path: 'settings/webhooks',
          element: page(() => import('./webhooks/endpoints-page'), 'EndpointsPage'),
        },
        {
          path: 'settings/webhooks/:id',
          element: page(() => import('./webhooks/endpoint-page'), 'EndpointPage'),
        },
        {
          path: 'settings/teammates',
          element: page(() => import('./teammates/teammates-page'), 'TeammatesPage'),
        },
        { path: 'settings/email-sends', element: page(() => import('./email/sends-page'), 'EmailSendsPage') },
        { path: 'settings/mailbox', element: page(() => import('./email/mailbox-page'), 'MailboxPage') },
        {
          path: 'settings/email-templates',
          element: page(() => import('./email/templates-page'), 'EmailTemplatesPage'),
        },
        {
          path: 'settings/audit-log',
          element: page(() => import('./audit-log/audit-log-page'), 'AuditLogPage'),
        },
        { path: '*', element: <NotFound /> },
      ],
    },
    { path: 'sign-in', element: page(() => import('./account/sign-in-page'), 'SignInPage') },
    { path: 'setup', element: page(() => import('./account/setup-page'), 'SetupPage') },
    { path: 'invite', element: page(() => import('./account/invite-page'), 'InvitePage') },
  ],
  { basename: '/dashboard' },
);
