import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, organiserId } from '../platform/db/columns.js';

/**
 * An API client of the SS 12000 interface (OAuth2 client credentials). The secret is stored as an argon2id
 * hash and shown once when created. `unitIds` null = every unit of the organiser; `resources` lists the
 * SS 12000 resource names it may read (e.g. 'persons', 'grades'); `writeAttendance` lets it POST/DELETE
 * attendances and POST absences. A revoked client gets no new token and its tokens stop working.
 */
export const apiClient = pgTable('api_client', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  /** The OAuth2 client_id: chosen by the administrator or generated, unique per deployment. */
  clientId: text('client_id').notNull(),
  name: text('name').notNull(),
  secretHash: text('secret_hash').notNull(),
  unitIds: uuid('unit_ids').array(),
  resources: text('resources').array().notNull(),
  writeAttendance: boolean('write_attendance').notNull().default(false),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
}, (t) => [
  primaryKey({ name: 'api_client_pk', columns: [t.organiserId, t.id] }),
  unique('api_client_client_id_uq').on(t.clientId),
]);

/**
 * When each SS 12000 entity was created, last modified and deleted (meta.created / meta.modified,
 * deletedEntities). Kept by statement triggers on the tables the entities come from (migration
 * 0017_ss12000_meta): a write of any path of the product is seen. `entityType` is the SS 12000 resource
 * name as in DeletedEntities (persons, groups, …); `entityId` the entity's id.
 */
export const ss12000Entity = pgTable('ss12000_entity', {
  organiserId: organiserId(),
  entityType: text('entity_type').notNull(),
  entityId: uuid('entity_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  modifiedAt: timestamp('modified_at', { withTimezone: true }).notNull(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
}, (t) => [
  primaryKey({ name: 'ss12000_entity_pk', columns: [t.organiserId, t.entityType, t.entityId] }),
  index('ss12000_entity_modified_ix').on(t.organiserId, t.entityType, t.modifiedAt),
  index('ss12000_entity_deleted_ix').on(t.organiserId, t.deletedAt).where(sql`${t.deletedAt} is not null`),
]);

/** A webhook subscription of an API client (SS 12000 /subscriptions): the target URL is called with the
 *  changed resource types when entities of them change, until `expiresAt`. */
export const ss12000Subscription = pgTable('ss12000_subscription', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  apiClientId: uuid('api_client_id').notNull(),
  name: text('name').notNull(),
  target: text('target').notNull(),
  resourceTypes: text('resource_types').array().notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: createdAt(),
  modifiedAt: timestamp('modified_at', { withTimezone: true }).notNull().defaultNow(),
  /** Entities modified after this instant are not yet told to the subscriber. */
  notifiedUpTo: timestamp('notified_up_to', { withTimezone: true }).notNull().defaultNow(),
  lastDeliveryAt: timestamp('last_delivery_at', { withTimezone: true }),
  lastDeliveryStatus: text('last_delivery_status'),
  failures: integer('failures').notNull().default(0),
}, (t) => [
  primaryKey({ name: 'ss12000_subscription_pk', columns: [t.organiserId, t.id] }),
  index('ss12000_subscription_client_ix').on(t.organiserId, t.apiClientId),
]);

/** What an API client posted to /log or /statistics (SS 12000 LogEntry / StatisticsEntry), kept as sent. */
export const ss12000ClientReport = pgTable('ss12000_client_report', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  apiClientId: uuid('api_client_id').notNull(),
  kind: text('kind').notNull(),
  body: jsonb('body').notNull(),
  receivedAt: createdAt(),
}, (t) => [
  primaryKey({ name: 'ss12000_client_report_pk', columns: [t.organiserId, t.id] }),
  check('ss12000_client_report_kind_ck', sql`${t.kind} in ('log','statistics')`),
]);

/**
 * A run of the import from another SS 12000 source (CLI or the administrator's page). `since` is the
 * meta.modified.after the run asked for (null = full run); `progress` tells the page the phase and counts;
 * `result` holds the counts per resource and the rejected records with their reasons.
 */
export const ss12000ImportRun = pgTable('ss12000_import_run', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  sourceUrl: text('source_url').notNull(),
  sourceClientId: text('source_client_id').notNull(),
  startedBy: uuid('started_by'),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  status: text('status').notNull(),
  since: timestamp('since', { withTimezone: true }),
  progress: jsonb('progress').notNull().default(sql`'{}'::jsonb`),
  result: jsonb('result'),
  error: text('error'),
}, (t) => [
  primaryKey({ name: 'ss12000_import_run_pk', columns: [t.organiserId, t.id] }),
  check('ss12000_import_run_status_ck', sql`${t.status} in ('running','succeeded','failed')`),
  index('ss12000_import_run_source_ix').on(t.organiserId, t.sourceUrl, t.startedAt),
]);

/** Which local entity an entity of an import source became (matched by id, personnummer or school unit
 *  code), so that the next run updates the same row. */
export const ss12000ImportLink = pgTable('ss12000_import_link', {
  organiserId: organiserId(),
  sourceUrl: text('source_url').notNull(),
  entityType: text('entity_type').notNull(),
  externalId: text('external_id').notNull(),
  localId: uuid('local_id').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ name: 'ss12000_import_link_pk', columns: [t.organiserId, t.sourceUrl, t.entityType, t.externalId] }),
  index('ss12000_import_link_local_ix').on(t.organiserId, t.entityType, t.localId),
]);

/** Secrets the server generates for itself on first use, e.g. the key that signs SS 12000 access tokens. */
export const serverSecret = pgTable('server_secret', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: createdAt(),
});
