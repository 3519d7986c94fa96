/**
 * Grade-save benchmark (grading issue): authenticated, CSRF-protected, access-checked, audited saves of
 * one grade cell, on the municipality preset. 50 teachers (accounts created for the bench), one per
 * connection, each cycling over its own cells with the version it last saw (no conflicts).
 *   max saves/s at 50 connections (closed loop) and p99 at 500 saves/s offered (open loop, evenly spaced),
 *   and loading a group's register (max, and p99 at 200/s offered),
 *   with the CPU time per request of the server and of PostgreSQL,
 *   beside the raw database rate of the same work (upsert + audit insert in one transaction; pgbench on
 *   PostgreSQL, an in-process loop on PGlite).
 * The two classes are the `save` and `register` rows of `npm run bench` (bench/classes.ts).
 * Usage: npm run bench:grades [-- --seconds 10] [--db postgres|pglite]
 * (PostgreSQL from BENCH_DATABASE_URL, default larka_bench, created and seeded if missing)
 */
import { ENDPOINT_CLASSES, runClass } from './classes.js';
import { CONNECTIONS, machineLine, option } from './load.js';
import { pgbenchRate, pgliteRate, RAW_WORK } from './raw-rate.js';
import { benchDatabase, ensureSeeded } from './server.js';
import { ensureBenchTeachers } from './users.js';

const seconds = Number(option('seconds', '10'));
const db = option('db', 'postgres');
if (db !== 'postgres' && db !== 'pglite') throw new Error(`--db must be postgres or pglite, got ${db}`);
const database = benchDatabase(db);
const endpoint = (key: string) => ENDPOINT_CLASSES.find((c) => c.key === key)!;

console.log(`# grade saves — ${new Date().toISOString()} — ${machineLine()}, ${database.label}, ${seconds} s per run`);
ensureSeeded(database.env, 'municipality');
const teachers = await ensureBenchTeachers(database);
const saves = await runClass(database, endpoint('save'), teachers, seconds);
await runClass(database, endpoint('register'), teachers, seconds);
const raw = database.key === 'postgres' ? pgbenchRate(database.url!, CONNECTIONS, seconds) : await pgliteRate(seconds);
console.log(`raw ${database.label} ${RAW_WORK} (${database.key === 'postgres' ? `pgbench, ${CONNECTIONS} clients` : 'in-process, one at a time'}): ${raw.toFixed(0)} tx/s`);
console.log(`saves/s as a share of the raw rate: ${(100 * saves.max.perSecond / raw).toFixed(0)} % (goal ≥ 35 %)`);
