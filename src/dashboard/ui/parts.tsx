/** Small pieces every page uses: the page heading (which takes focus on navigation), states and messages. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
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

export interface Column {
  label: string;
  /** a number or an amount: right-aligned */
  num?: boolean;
}

/**
 * A table in its scrolling wrapper, with its caption and column headings; the rows are the children.
 * On a narrow screen the wrapper scrolls sideways, so it takes focus: the keyboard can scroll it too.
 */
export function Table(props: { caption: string; columns: Column[]; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard (axe scrollable-region-focusable)
    <section class="table-wrap" tabIndex={0} aria-label={props.caption}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c.label} scope="col" class={c.num ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </section>
  );
}

/** Cursor paging links: back to the first page once paged on, and the next page while there is one. */
export function Pager(props: { label: string; first: string | null; next: string | null; firstText: string; nextText: string }) {
  return (
    <nav class="pager" aria-label={props.label}>
      {props.first !== null && <Link to={props.first}>{props.firstText}</Link>}
      {props.next !== null && <Link to={props.next}>{props.nextText}</Link>}
    </nav>
  );
}
