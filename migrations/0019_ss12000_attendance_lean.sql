-- SS 12000 attendances without a row per attendance. Migration 0018 kept a key row and a meta row for every
-- pupil and lesson with a roll call (≈ 350 bytes each: tens of millions of rows a year for a municipality).
-- Instead: the id is made of a 60-bit hash of the lesson and one of the pupil (RFC 9562 version 8), so an id
-- finds its lesson and pupil through expression indexes on lesson and person; meta.created / meta.modified
-- are kept per lesson (ss12000_attendance_lesson: the roll call taken, any deviation of it written, changed or
-- removed, the lesson changed); and only deletions (a roll call removed, a lesson cancelled) are written to
-- ss12000_entity, for deletedEntities.
DROP TRIGGER ss12000_attendances_roll_call_insert ON roll_call;
--> statement-breakpoint
DROP TRIGGER ss12000_attendances_roll_call_delete ON roll_call;
--> statement-breakpoint
DROP TRIGGER ss12000_attendances_deviation_insert ON attendance_deviation;
--> statement-breakpoint
DROP TRIGGER ss12000_attendances_deviation_update ON attendance_deviation;
--> statement-breakpoint
DROP TRIGGER ss12000_attendances_deviation_delete ON attendance_deviation;
--> statement-breakpoint
DROP TRIGGER ss12000_attendances_lesson_update ON lesson;
--> statement-breakpoint
DROP FUNCTION ss12000_attendance_roll_call();
--> statement-breakpoint
DROP FUNCTION ss12000_attendance_deviation();
--> statement-breakpoint
DROP FUNCTION ss12000_attendance_lesson();
--> statement-breakpoint
DROP FUNCTION ss12000_attendance_mark(uuid[], uuid[], uuid[], boolean[]);
--> statement-breakpoint
DELETE FROM ss12000_entity WHERE entity_type = 'attendances';
--> statement-breakpoint
DROP TABLE ss12000_attendance_key;
--> statement-breakpoint
-- 15 hex digits (60 bits) of SHA-256 over Lärka's name of the id.
CREATE FUNCTION ss12000_hash60(x uuid) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT substr(encode(sha256(convert_to('larka:ss12000:' || x::text, 'UTF8')), 'hex'), 1, 15)
$$;
--> statement-breakpoint
-- lesson hash in the first 15 hex digits (around the version digit 8), pupil hash in the last 15 (after the variant digit 8)
CREATE OR REPLACE FUNCTION ss12000_attendance_id(lesson uuid, pupil uuid) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-8' || substr(h, 13, 3) || '-8' || substr(p, 1, 3) || '-' || substr(p, 4, 12))::uuid
  FROM (SELECT ss12000_hash60(lesson) AS h, ss12000_hash60(pupil) AS p) s
$$;
--> statement-breakpoint
CREATE FUNCTION ss12000_attendance_lesson_hash(id uuid) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT substr(t, 1, 8) || substr(t, 10, 4) || substr(t, 16, 3) FROM (SELECT id::text AS t) s
$$;
--> statement-breakpoint
CREATE FUNCTION ss12000_attendance_pupil_hash(id uuid) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT substr(t, 21, 3) || substr(t, 25, 12) FROM (SELECT id::text AS t) s
$$;
--> statement-breakpoint
CREATE INDEX ss12000_lesson_hash_ix ON lesson (organiser_id, ss12000_hash60(id));
--> statement-breakpoint
CREATE INDEX ss12000_person_hash_ix ON person (organiser_id, ss12000_hash60(id));
--> statement-breakpoint
CREATE TABLE ss12000_attendance_lesson (
  organiser_id uuid NOT NULL,
  lesson_id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  modified_at timestamptz NOT NULL,
  CONSTRAINT ss12000_attendance_lesson_pk PRIMARY KEY (organiser_id, lesson_id)
);
--> statement-breakpoint
CREATE INDEX ss12000_attendance_lesson_modified_ix ON ss12000_attendance_lesson (organiser_id, modified_at);
--> statement-breakpoint
-- The attendances of these lessons (their members on the lesson's day) are deleted (true) or back (false).
CREATE FUNCTION ss12000_attendances_gone(orgs uuid[], lessons uuid[], gone boolean) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF gone THEN
    INSERT INTO ss12000_entity AS e (organiser_id, entity_type, entity_id, created_at, modified_at, deleted_at)
    SELECT DISTINCT ls.organiser_id, 'attendances', ss12000_attendance_id(ls.id, m.person_id), now(), now(), now()
      FROM unnest(orgs, lessons) AS u(o, l)
      JOIN lesson ls ON ls.organiser_id = u.o AND ls.id = u.l
      JOIN group_membership m ON m.organiser_id = ls.organiser_id AND m.group_id = ls.group_id
       AND m.start_date <= ls.lesson_date AND (m.end_date IS NULL OR m.end_date >= ls.lesson_date)
    ON CONFLICT (organiser_id, entity_type, entity_id) DO UPDATE SET modified_at = now(), deleted_at = now();
    DELETE FROM ss12000_attendance_lesson a USING unnest(orgs, lessons) AS u(o, l) WHERE a.organiser_id = u.o AND a.lesson_id = u.l;
  ELSE
    DELETE FROM ss12000_entity e USING unnest(orgs, lessons) AS u(o, l), lesson ls, group_membership m
     WHERE ls.organiser_id = u.o AND ls.id = u.l AND m.organiser_id = ls.organiser_id AND m.group_id = ls.group_id
       AND e.organiser_id = u.o AND e.entity_type = 'attendances' AND e.entity_id = ss12000_attendance_id(ls.id, m.person_id);
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION ss12000_attendance_touch() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE o uuid[]; l uuid[];
BEGIN
  IF TG_TABLE_NAME = 'roll_call' AND TG_OP = 'DELETE' THEN
    SELECT array_agg(organiser_id), array_agg(lesson_id) INTO o, l FROM changed;
    IF o IS NOT NULL THEN PERFORM ss12000_attendances_gone(o, l, true); END IF;
  ELSIF TG_TABLE_NAME = 'roll_call' THEN
    INSERT INTO ss12000_attendance_lesson AS a (organiser_id, lesson_id, created_at, modified_at)
    SELECT DISTINCT c.organiser_id, c.lesson_id, now(), now() FROM changed c
      JOIN lesson ls ON ls.organiser_id = c.organiser_id AND ls.id = c.lesson_id AND ls.cancelled_at IS NULL
    ON CONFLICT (organiser_id, lesson_id) DO UPDATE SET modified_at = now();
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(organiser_id), array_agg(lesson_id) INTO o, l FROM changed;
      PERFORM ss12000_attendances_gone(o, l, false);
    END IF;
  ELSIF TG_TABLE_NAME = 'attendance_deviation' THEN
    UPDATE ss12000_attendance_lesson a SET modified_at = now()
      FROM (SELECT DISTINCT organiser_id, lesson_id FROM changed WHERE lesson_id IS NOT NULL) c
     WHERE a.organiser_id = c.organiser_id AND a.lesson_id = c.lesson_id;
  ELSE -- lesson: cancelled, its attendances are gone; otherwise (changed or cancelling undone) modified
    SELECT array_agg(c.organiser_id), array_agg(c.id) INTO o, l FROM changed c
      JOIN roll_call r ON r.organiser_id = c.organiser_id AND r.lesson_id = c.id WHERE c.cancelled_at IS NOT NULL;
    IF o IS NOT NULL THEN PERFORM ss12000_attendances_gone(o, l, true); END IF;
    SELECT array_agg(c.organiser_id), array_agg(c.id) INTO o, l FROM changed c
      JOIN roll_call r ON r.organiser_id = c.organiser_id AND r.lesson_id = c.id WHERE c.cancelled_at IS NULL;
    IF o IS NOT NULL THEN
      INSERT INTO ss12000_attendance_lesson AS a (organiser_id, lesson_id, created_at, modified_at)
      SELECT u.o, u.l, now(), now() FROM unnest(o, l) AS u(o, l)
      ON CONFLICT (organiser_id, lesson_id) DO UPDATE SET modified_at = now();
      PERFORM ss12000_attendances_gone(o, l, false);
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER ss12000_attendances_roll_call_insert AFTER INSERT ON roll_call REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ss12000_attendance_touch();
--> statement-breakpoint
CREATE TRIGGER ss12000_attendances_roll_call_update AFTER UPDATE ON roll_call REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ss12000_attendance_touch();
--> statement-breakpoint
CREATE TRIGGER ss12000_attendances_roll_call_delete AFTER DELETE ON roll_call REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ss12000_attendance_touch();
--> statement-breakpoint
CREATE TRIGGER ss12000_attendances_deviation_insert AFTER INSERT ON attendance_deviation REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ss12000_attendance_touch();
--> statement-breakpoint
CREATE TRIGGER ss12000_attendances_deviation_update AFTER UPDATE ON attendance_deviation REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ss12000_attendance_touch();
--> statement-breakpoint
CREATE TRIGGER ss12000_attendances_deviation_delete AFTER DELETE ON attendance_deviation REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ss12000_attendance_touch();
--> statement-breakpoint
CREATE TRIGGER ss12000_attendances_lesson_update AFTER UPDATE ON lesson REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ss12000_attendance_touch();
--> statement-breakpoint
-- What is there already: created when the roll call was taken, modified at its last save or deviation.
INSERT INTO ss12000_attendance_lesson (organiser_id, lesson_id, created_at, modified_at)
SELECT r.organiser_id, r.lesson_id, r.reported_at,
       greatest(r.reported_at, r.updated_at, (SELECT max(d.recorded_at) FROM attendance_deviation d WHERE d.organiser_id = r.organiser_id AND d.lesson_id = r.lesson_id))
  FROM roll_call r JOIN lesson ls ON ls.organiser_id = r.organiser_id AND ls.id = r.lesson_id
 WHERE ls.cancelled_at IS NULL;
