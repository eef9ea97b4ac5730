/** The app: sign-in when nobody is signed in, else the shell (skip link, header, navigation) around the page of the path. */
import { useState } from 'preact/hooks';
import { MESSAGES } from './messages.js';
import { KeysPage } from './pages/keys.js';
import { LoginPage } from './pages/login.js';
import { OverviewPage } from './pages/overview.js';
import { PaymentPage } from './pages/payment.js';
import { PaymentsPage } from './pages/payments.js';
import { PayoutsPage } from './pages/payouts.js';
import { WebhookPage, WebhooksPage } from './pages/webhooks.js';
import { Link, PageTitle } from './parts.js';
import { useLocation } from './router.js';
import { type Session, signOut, session as storedSession } from './session.js';

export interface DashboardConfig {
  /** transaction link template with {txid}, or null */
  explorerTxUrl: string | null;
  network: string;
}

const NAV = [
  { path: '/', label: MESSAGES.nav.overview },
  { path: '/payments', label: MESSAGES.nav.payments },
  { path: '/payouts', label: MESSAGES.nav.payouts },
  { path: '/webhooks', label: MESSAGES.nav.webhooks },
  { path: '/keys', label: MESSAGES.nav.keys },
];

export function App(props: { config: DashboardConfig }) {
  const [session, setSession] = useState<Session | null>(storedSession());
  const { path, query } = useLocation();
  if (session === null) return <LoginPage onSignedIn={setSession} />;

  const section = NAV.slice()
    .reverse()
    .find((item) => item.path === path || (item.path !== '/' && path.startsWith(item.path)));
  let page = (
    <>
      <PageTitle>{MESSAGES.notFound}</PageTitle>
    </>
  );
  const paymentMatch = /^\/payments\/([^/]+)$/.exec(path);
  const webhookMatch = /^\/webhooks\/([^/]+)$/.exec(path);
  if (path === '/') page = <OverviewPage />;
  else if (path === '/payments') page = <PaymentsPage query={query} />;
  else if (path === '/payouts') page = <PayoutsPage role={session.role} />;
  else if (path === '/webhooks') page = <WebhooksPage />;
  else if (path === '/keys') page = <KeysPage role={session.role} />;
  else if (webhookMatch) page = <WebhookPage id={decodeURIComponent(webhookMatch[1] ?? '')} query={query} role={session.role} />;
  else if (paymentMatch) page = <PaymentPage id={decodeURIComponent(paymentMatch[1] ?? '')} role={session.role} config={props.config} />;

  return (
    <div class="shell">
      <a class="skip" href="#main">
        {MESSAGES.skipToContent}
      </a>
      <header class="top">
        <span class="brand">{MESSAGES.product}</span>
        <span class="network">{props.config.network}</span>
        <span class="who">{MESSAGES.signedInAs(session.label)}</span>
        <button
          type="button"
          class="button button-quiet"
          onClick={() => {
            signOut();
            setSession(null);
          }}
        >
          {MESSAGES.signOut}
        </button>
      </header>
      <nav class="side" aria-label={MESSAGES.mainNavigation}>
        <ul>
          {NAV.map((item) => (
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
