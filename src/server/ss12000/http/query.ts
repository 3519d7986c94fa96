// Query parameters shared by the SS 12000 lists, as zod schemas that accept what a query string gives
// (one value or repeated keys; 'true'/'false'; RFC 3339 timestamps and dates).
import { z } from 'zod';

/** `?x=a&x=b` and `?x=a` alike, as an array. */
export const qArray = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]), z.array(item)).optional();

export const qBoolean = z.enum(['true', 'false']).transform((v) => v === 'true').optional();

/** RFC 3339 date-time with offset or Z, e.g. 2015-12-12T10:30:00+01:00. */
export const qDateTime = z.iso.datetime({ offset: true }).transform((v) => new Date(v)).optional();

/** RFC 3339 full-date, e.g. 2016-10-15. */
export const qDate = z.iso.date().optional();

export const qUuid = z.uuid().optional();

export const qLimit = z.coerce.number().int().min(1).optional();

/** meta.created / meta.modified filters of every list: `before` inclusive, `after` exclusive. */
export const metaQuery = {
  'meta.created.before': qDateTime,
  'meta.created.after': qDateTime,
  'meta.modified.before': qDateTime,
  'meta.modified.after': qDateTime,
};

export interface MetaFilters {
  'meta.created.before'?: Date;
  'meta.created.after'?: Date;
  'meta.modified.before'?: Date;
  'meta.modified.after'?: Date;
}
