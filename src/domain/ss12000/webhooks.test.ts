import { describe, expect, it } from 'vitest';
import { deletedEntitiesKey, END_POINTS, endPointOfResource, resourceOfEndPoint } from './endpoints';
import { dueForDelivery, isWebhookTarget, notificationBody, retryDelayMs } from './webhooks';

describe('object types of the standard', () => {
  it('every object type maps to a resource and back', () => {
    for (const e of END_POINTS) expect(endPointOfResource(resourceOfEndPoint(e))).toBe(e);
    expect(resourceOfEndPoint('Activity')).toBe('activities');
    expect(endPointOfResource('subscriptions')).toBeUndefined();
  });

  it('deletedEntities uses the specification\'s spellings: activitites and studyPlans', () => {
    expect(deletedEntitiesKey('activities')).toBe('activitites');
    expect(deletedEntitiesKey('studyplans')).toBe('studyPlans');
    expect(deletedEntitiesKey('persons')).toBe('persons');
  });
});

describe('webhooks', () => {
  it('a webhook target is an absolute http(s) URL without credentials', () => {
    expect(isWebhookTarget('https://example.se/hook')).toBe(true);
    expect(isWebhookTarget('http://127.0.0.1:8080/x')).toBe(true);
    for (const bad of ['/relative', 'example.se/hook', 'ftp://example.se', 'javascript:alert(1)', 'https://user:pw@example.se/', '']) {
      expect(isWebhookTarget(bad), bad).toBe(false);
    }
  });

  it('a failed delivery is retried after 30 s, doubling per failure, at most an hour apart', () => {
    expect([0, 1, 2, 3, 20].map(retryDelayMs)).toEqual([0, 30_000, 60_000, 120_000, 3_600_000]);
    const at = new Date('2026-01-01T10:00:00Z');
    expect(dueForDelivery(0, at, at)).toBe(true);
    expect(dueForDelivery(2, at, new Date('2026-01-01T10:00:59Z'))).toBe(false);
    expect(dueForDelivery(2, at, new Date('2026-01-01T10:01:00Z'))).toBe(true);
  });

  it('the notification names each changed object type once and says when there are deletions', () => {
    expect(notificationBody(['persons', 'persons', 'activities'], true)).toEqual({ modifiedEntites: ['Person', 'Activity'], deletedEntities: true });
    expect(notificationBody(['persons'], false)).toEqual({ modifiedEntites: ['Person'] });
    expect(notificationBody([], false)).toEqual({});
  });
});
