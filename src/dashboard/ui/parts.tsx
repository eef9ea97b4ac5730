/** Small pieces every page uses: the page heading (which takes focus on navigation), states and messages. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
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

/**
 * A secret the gateway shows this once (an API key, a webhook signing secret): the panel says so and
 * goes away when the person confirms they stored it.
 */
export function SecretOnce(props: { title: string; secret: string; testId: string; onDone: () => void }) {
  return (
    <section class="panel secret" aria-labelledby={`${props.testId}-title`}>
      <h2 id={`${props.testId}-title`}>{props.title}</h2>
      <p>{MESSAGES.secretOnce}</p>
      <p>
        <code class="mono" data-testid={props.testId}>
          {props.secret}
        </code>
      </p>
      <button type="button" class="button" onClick={props.onDone}>
        {MESSAGES.secretDone}
      </button>
    </section>
  );
}

export function StatusBadge(props: { status: string }) {
  return <span class={`badge badge-${props.status}`}>{MESSAGES.status[props.status] ?? props.status}</span>;
}
