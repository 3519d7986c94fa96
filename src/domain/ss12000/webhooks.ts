// When a subscription's webhook is tried again after failures, and what a delivery says. Pure functions.
import { endPointOfResource, type EndPoint } from './endpoints.js';

/** The first retry after 30 s, doubling per failure, at most one hour apart. */
export function retryDelayMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(30_000 * 2 ** (failures - 1), 3_600_000);
}

/** May a subscription that failed `failures` times in a row, last tried at `lastTry`, be tried at `now`? */
export function dueForDelivery(failures: number, lastTry: Date | null, now: Date): boolean {
  if (failures <= 0 || !lastTry) return true;
  return now.getTime() - lastTry.getTime() >= retryDelayMs(failures);
}

/** The body POSTed to the target (the specification's callback body; `modifiedEntites` is its spelling):
 *  the object types with new or changed entities, and whether deletedEntities has something new. */
export function notificationBody(changedResources: string[], anyDeleted: boolean): { modifiedEntites?: EndPoint[]; deletedEntities?: boolean } {
  const types = [...new Set(changedResources.map(endPointOfResource).filter((e): e is EndPoint => e !== undefined))];
  return { ...(types.length ? { modifiedEntites: types } : {}), ...(anyDeleted ? { deletedEntities: true } : {}) };
}

/** A target we call: an absolute http(s) URL without credentials in it. */
export function isWebhookTarget(target: string): boolean {
  let url: URL;
  try { url = new URL(target); } catch { return false; }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && !url.username && !url.password;
}
