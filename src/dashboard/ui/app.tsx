/**
 * The app: sign-in when no session is live, else the shell (skip link, header, navigation for the
 * role) around the page of the path. A one-time password is replaced before anything else.
 */
import { useEffect, useState } from 'preact/hooks';
import { MESSAGES } from './messages.js';
import { AccountPage } from './pages/account.js';
import { AuditPage } from './pages/audit.js';
import { KeysPage } from './pages/keys.js';
import { LoginPage } from './pages/login.js';
import { OverviewPage } from './pages/overview.js';
import { ChangePasswordPage } from './pages/password.js';
import { PaymentPage } from './pages/payment.js';
import { PaymentsPage } from './pages/payments.js';
import { PayoutBatchPage } from './pages/payout-batch.js';
import { PayoutsPage } from './pages/payouts.js';
import { ReconciliationPage } from './pages/reconciliation.js';
import { SettingsPage } from './pages/settings.js';
import { SettlementPage, SettlementsPage } from './pages/settlements.js';
import { UsersPage } from './pages/users.js';
import { WalletPage } from './pages/wallet.js';
import { DeliveryPage, WebhookPage, WebhooksPage } from './pages/webhooks.js';
import { Link, Loading, PageTitle } from './parts.js';
import { useLocation } from './router.js';
import { canAct, canManage, logOut, onSessionEnded, type Role, resume, type Session } from './session.js';

export interface DashboardConfig {
  /** transaction link template with {txid}, or null */
  explorerTxUrl: string | null;
  network: string;
}

const NAV: { path: string; label: string; shown: (role: Role) => boolean }[] = [
  { path: '/', label: MESSAGES.nav.overview, shown: () => true },
  { path: '/payments', label: MESSAGES.nav.payments, shown: () => true },
  { path: '/payouts', label: MESSAGES.nav.payouts, shown: () => true },
  { path: '/payouts/batch', label: MESSAGES.nav.batch, shown: canAct },
  { path: '/settlements', label: MESSAGES.nav.settlements, shown: () => true },
  { path: '/reconciliation', label: MESSAGES.nav.reconciliation, shown: () => true },
  { path: '/wallet', label: MESSAGES.nav.wallet, shown: () => true },
  // these routes need webhooks:manage and admin (users and the audit log too): only the roles that hold them see the pages
  { path: '/webhooks', label: MESSAGES.nav.webhooks, shown: canManage },
  { path: '/keys', label: MESSAGES.nav.keys, shown: canManage },
  { path: '/users', label: MESSAGES.nav.users, shown: canManage },
  { path: '/audit', label: MESSAGES.nav.audit, shown: canManage },
  { path: '/settings', label: MESSAGES.nav.settings, shown: () => true },
  { path: '/account', label: MESSAGES.nav.account, shown: () => true },
];

export function App(props: { config: DashboardConfig }) {
  const [session, setSession] = useState<Session | null | 'checking'>('checking');
  const { path, query } = useLocation();
  useEffect(() => {
    resume().then(setSession, () => setSession(null));
    return onSessionEnded(() => setSession(null));
  }, []);

  if (session === 'checking') return <Loading />;
  if (session === null) return <LoginPage onSignedIn={setSession} />;

  const role = session.role;
  const nav = NAV.filter((item) => item.shown(role));
  const section = nav
    .slice()
    .reverse()
    .find((item) => item.path === path || (item.path !== '/' && path.startsWith(item.path)));
  const paymentMatch = /^\/payments\/([^/]+)$/.exec(path);
  const webhookMatch = /^\/webhooks\/([^/]+)$/.exec(path);
  const settlementMatch = /^\/settlements\/([^/]+)$/.exec(path);
  const deliveryMatch = /^\/webhooks\/deliveries\/([^/]+)$/.exec(path);
  let page = <PageTitle>{MESSAGES.notFound}</PageTitle>;
  if (session.mustChangePassword) page = <ChangePasswordPage onChanged={setSession} />;
  else if (path === '/') page = <OverviewPage role={role} />;
  else if (path === '/payments') page = <PaymentsPage query={query} />;
  else if (paymentMatch) page = <PaymentPage id={decodeURIComponent(paymentMatch[1] ?? '')} role={role} config={props.config} />;
  else if (path === '/payouts') page = <PayoutsPage role={role} />;
  else if (path === '/payouts/batch' && canAct(role)) page = <PayoutBatchPage />;
  else if (path === '/settlements') page = <SettlementsPage query={query} />;
  else if (settlementMatch) page = <SettlementPage id={decodeURIComponent(settlementMatch[1] ?? '')} config={props.config} />;
  else if (path === '/reconciliation') page = <ReconciliationPage query={query} />;
  else if (path === '/wallet') page = <WalletPage role={role} />;
  else if (path === '/webhooks' && canManage(role)) page = <WebhooksPage />;
  else if (webhookMatch && canManage(role)) page = <WebhookPage id={decodeURIComponent(webhookMatch[1] ?? '')} query={query} role={role} />;
  else if (deliveryMatch && canManage(role)) page = <DeliveryPage id={decodeURIComponent(deliveryMatch[1] ?? '')} role={role} />;
  else if (path === '/keys' && canManage(role)) page = <KeysPage role={role} />;
  else if (path === '/users' && canManage(role)) page = <UsersPage role={role} />;
  else if (path === '/audit' && canManage(role)) page = <AuditPage query={query} />;
  else if (path === '/settings') page = <SettingsPage role={role} />;
  else if (path === '/account') page = <AccountPage />;

  return (
    <div class="shell">
      <a class="skip" href="#main">
        {MESSAGES.skipToContent}
      </a>
      <header class="top">
        <span class="brand">{MESSAGES.product}</span>
        <span class="network">{props.config.network}</span>
        <span class="who">{MESSAGES.signedInAs(session.email, MESSAGES.roles[role])}</span>
        <button
          type="button"
          class="button button-quiet"
          onClick={async () => {
            await logOut();
            setSession(null);
          }}
        >
          {MESSAGES.signOut}
        </button>
      </header>
      <nav class="side" aria-label={MESSAGES.mainNavigation}>
        <ul>
          {nav.map((item) => (
            <li key={item.path}>
              <Link to={item.path} current={section === item}>
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" class="content">
        {page}
      </main>
    </div>
  );
}
