/** Small pieces every page uses: the page heading (which takes focus on navigation), states, messages, tables and confirmations. */
import { type ComponentChildren, Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { explorerLink } from './format.js';
import { MESSAGES } from './messages.js';
import { follow, href } from './router.js';

/** The page's h1; focused when the page opens so a screen reader announces it and Tab starts from here. */
export function PageTitle(props: { children: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h1 tabIndex={-1} ref={ref}>
      {props.children}
    </h1>
  );
}

export function Link(props: { to: string; children: ComponentChildren; class?: string; current?: boolean }) {
  return (
    <a href={href(props.to)} class={props.class} aria-current={props.current ? 'page' : undefined} onClick={(e) => follow(e, props.to)}>
      {props.children}
    </a>
  );
}

export function Loading() {
  return (
    <p class="muted" role="status">
      {MESSAGES.loading}
    </p>
  );
}

export function ErrorNote(props: { message: string; retry?: () => void }) {
  return (
    <div class="note note-bad" role="alert">
      <p>{props.message}</p>
      {props.retry && (
        <button type="button" class="button" onClick={props.retry}>
          {MESSAGES.retry}
        </button>
      )}
    </div>
  );
}

/** What an action answered: a success is announced politely (status), a failure at once (alert). */
export interface OutcomeText {
  ok: boolean;
  text: string;
}

export function Outcome(props: { outcome: OutcomeText | null }) {
  if (props.outcome === null) return null;
  return (
    <p class={props.outcome.ok ? 'note note-ok' : 'note note-bad'} role={props.outcome.ok ? 'status' : 'alert'}>
      {props.outcome.text}
    </p>
  );
}

/** While a page's first load runs, and when it failed (with a retry). */
export function LoadState(props: { loaded: { loading: boolean; data: unknown; error: string | null; reload: () => void } }) {
  const { loaded } = props;
  if (loaded.error !== null) return <ErrorNote message={loaded.error} retry={loaded.reload} />;
  return loaded.loading && loaded.data === null ? <Loading /> : null;
}

export function StatusBadge(props: { status: string }) {
  return <span class={`badge badge-${props.status}`}>{MESSAGES.status[props.status] ?? props.status}</span>;
}

/** A transaction id, linked to the explorer when one is configured (a new tab: the dashboard stays open). */
export function TransactionLink(props: { txid: string | null; template: string | null }) {
  if (props.txid === null) return <>—</>;
  const link = explorerLink(props.template, props.txid);
  if (link === null) return <>{props.txid}</>;
  return (
    <a href={link} rel="noopener noreferrer" target="_blank" aria-label={`${MESSAGES.payment.onExplorer}: ${props.txid}`}>
      {props.txid}
    </a>
  );
}

/** A failed form submission, announced at once; nothing while there is none. */
export function FormError(props: { message: string | null }) {
  return props.message === null ? null : (
    <p class="note note-bad" role="alert">
      {props.message}
    </p>
  );
}

export interface Column {
  label: string;
  /** right-aligned figures */
  num?: boolean;
}

/**
 * A captioned table in its scrolling frame; `columns` that are falsy (a control the role lacks) are left out.
 * On a narrow screen the frame scrolls sideways, so it takes focus: the keyboard can scroll it too.
 */
export function Table(props: { caption: string; columns: (Column | false)[]; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard (axe scrollable-region-focusable)
    <section class="table-wrap" tabIndex={0} aria-label={props.caption}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map(
              (column) =>
                column && (
                  <th key={column.label} scope="col" class={column.num ? 'num' : undefined}>
                    {column.label}
                  </th>
                ),
            )}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </section>
  );
}

/**
 * Something shown once and never again (an API key's secret, a one-time password, recovery codes):
 * its own panel until the person says it is stored.
 */
export function ShownOnce(props: { id: string; title: string; note: string; values: string[]; onDone: () => void }) {
  return (
    <section class="panel secret" aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <p>{props.note}</p>
      <ul class="plain secret-values" data-testid={props.id}>
        {props.values.map((value) => (
          <li key={value}>
            <code class="mono">{value}</code>
          </li>
        ))}
      </ul>
      <button type="button" class="button" onClick={props.onDone}>
        {MESSAGES.storedIt}
      </button>
    </section>
  );
}

/**
 * A button for something that cannot be undone: the first press asks, in place, and only "Confirm"
 * acts (no browser dialog; focus moves to the question's confirm button and back when cancelled).
 */
export function ConfirmButton(props: { label: string; question: string; danger?: boolean; onConfirm: () => void | Promise<void> }) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" ref={askRef} class={props.danger ? 'button button-danger' : 'button'} onClick={() => setAsking(true)}>
        {props.label}
      </button>
    );
  }
  return (
    <fieldset class="confirm">
      <legend>{props.question}</legend>
      <button
        type="button"
        ref={confirmRef}
        class={props.danger ? 'button button-danger' : 'button button-primary'}
        onClick={async () => {
          setAsking(false);
          await props.onConfirm();
        }}
      >
        {MESSAGES.confirm}
      </button>{' '}
      <button type="button" class="button" onClick={() => setAsking(false)}>
        {MESSAGES.cancel}
      </button>
    </fieldset>
  );
}

/** Label / value pairs (a <dl> in the details frame). */
export function Details(props: { rows: [string, ComponentChildren][] }) {
  return (
    <dl class="details">
      {props.rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** A filter form's buttons: apply, and reset to the unfiltered path. */
export function FilterActions(props: { resetTo: string }) {
  return (
    <div class="actions">
      <button type="submit" class="button button-primary">
        {MESSAGES.apply}
      </button>
      <Link to={props.resetTo} class="button">
        {MESSAGES.reset}
      </Link>
    </div>
  );
}

/** Cursor paging: back to the first page and on to the next, each shown when there is one. */
export function Pager(props: { label: string; first: string | null; next: string | null }) {
  return (
    <nav class="pager" aria-label={props.label}>
      {props.first !== null && <Link to={props.first}>{MESSAGES.firstPage}</Link>}
      {props.next !== null && <Link to={props.next}>{MESSAGES.nextPage}</Link>}
    </nav>
  );
}
