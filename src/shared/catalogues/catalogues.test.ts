import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KEY_SCOPES, SCOPES } from './api-key-scopes.js';
import { PRIORITIES, PRIORITY_CATALOGUE, queueRank } from './priorities.js';
import {
  ALL_EVENTS,
  expandEvents,
  isWebhookEventType,
  TEST_EVENT_TYPE,
  WEBHOOK_EVENT_CATALOGUE,
  WEBHOOK_EVENTS,
} from './webhook-events.js';

const EVENTS_DOC = readFileSync(resolve(import.meta.dirname, '..', '..', '..', 'docs', 'webhook-events.md'), 'utf8');

describe('priority catalogue', () => {
  it('ranks sends from the most urgent priority down, each rank once', () => {
    const byRank = [...PRIORITIES].sort((a, b) => queueRank(a) - queueRank(b));
    expect(byRank).toEqual([...PRIORITIES].reverse());
    expect(new Set(PRIORITIES.map(queueRank)).size).toBe(PRIORITIES.length);
  });

  it('a dearer priority is at least as fast and retries at least as often', () => {
    for (let i = 1; i < PRIORITIES.length; i++) {
      const cheaper = PRIORITY_CATALOGUE[PRIORITIES[i - 1] as (typeof PRIORITIES)[number]].defaults;
      const dearer = PRIORITY_CATALOGUE[PRIORITIES[i] as (typeof PRIORITIES)[number]].defaults;
      expect(Number(dearer.feeRate)).toBeGreaterThan(Number(cheaper.feeRate));
      expect(dearer.processingTimeSeconds).toBeLessThan(cheaper.processingTimeSeconds);
      expect(dearer.maxRetries).toBeGreaterThanOrEqual(cheaper.maxRetries);
    }
  });
});

describe('webhook event catalogue', () => {
  it('names every event <resource>.<verb> after the resource its object is', () => {
    for (const [name, entry] of Object.entries(WEBHOOK_EVENT_CATALOGUE)) {
      expect(name).toMatch(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/);
      expect(name.split('.')[0]).toBe(entry.resource);
    }
  });

  it('docs/webhook-events.md has a row for every event', () => {
    expect(WEBHOOK_EVENTS.filter((event) => !EVENTS_DOC.includes(`| \`${event}\``))).toEqual([]);
  });

  it('"*" stands for every event; a list keeps the known names in catalogue order', () => {
    expect(expandEvents([ALL_EVENTS])).toEqual(WEBHOOK_EVENTS);
    expect(expandEvents(['settlement.completed', 'payment.created', 'nothing.here'])).toEqual(['payment.created', 'settlement.completed']);
  });

  it('the test event is not subscribable', () => {
    expect(isWebhookEventType(TEST_EVENT_TYPE)).toBe(false);
    expect(isWebhookEventType('payment.created')).toBe(true);
    expect(isWebhookEventType('toString')).toBe(false);
  });
});

describe('scope catalogue', () => {
  it('a key created without scopes gets neither admin nor payouts:write', () => {
    expect(DEFAULT_KEY_SCOPES).toEqual(SCOPES.filter((s) => s !== 'admin' && s !== 'payouts:write'));
  });
});
