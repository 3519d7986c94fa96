-- SS 12000 attendances: one per pupil and lesson whose roll call is taken. Lärka stores a roll call per lesson
-- and a deviation per absent pupil only, so an attendance has no row of its own: its id is name-based
-- (RFC 9562 version 8, SHA-256 of the lesson and the pupil: the same pupil on the same lesson keeps its id
-- whether present or absent), ss12000_attendance_key finds the lesson and pupil of an id, and statement
-- triggers on roll_call, attendance_deviation and lesson keep meta.created / meta.modified / deletedEntities
-- in ss12000_entity (entity type 'attendances'), as migration 0017 does for the other entities.
CREATE FUNCTION ss12000_attendance_id(lesson uuid, pupil uuid) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-8' || substr(h, 14, 3) || '-'
    || substr('89ab', (('x' || substr(h, 17, 1))::bit(4)::int & 3) + 1, 1) || substr(h, 18, 3) || '-' || substr(h, 21, 12))::uuid
  FROM (SELECT encode(sha256(convert_to('larka:ss12000:attendance:' || lesson::text || ':' || pupil::text, 'UTF8')), 'hex') AS h) s
$$;
--> statement-breakpoint
CREATE TABLE ss12000_attendance_key (
  organiser_id uuid NOT NULL,
  id uuid NOT NULL,
  lesson_id uuid NOT NULL,
  pupil_id uuid NOT NULL,
  CONSTRAINT ss12000_attendance_key_pk PRIMARY KEY (organiser_id, id)
);
--> statement-breakpoint
CREATE INDEX ss12000_attendance_key_lesson_ix ON ss12000_attendance_key (organiser_id, lesson_id);
--> statement-breakpoint
CREATE INDEX ss12000_attendance_key_pupil_ix ON ss12000_attendance_key (organiser_id, pupil_id);
--> statement-breakpoint
-- The attendances (lesson, pupil) were created or modified now; `deleted` marks them deleted (or not).
CREATE FUNCTION ss12000_attendance_mark(orgs uuid[], lessons uuid[], pupils uuid[], deleted boolean[]) RETURNS void LANGUAGE sql AS $$
  WITH x AS (
    SELECT DISTINCT ON (o, l, p) o, l, p, d FROM unnest(orgs, lessons, pupils, deleted) AS u(o, l, p, d) ORDER BY o, l, p, d DESC
  ), k AS (
    INSERT INTO ss12000_attendance_key (organiser_id, id, lesson_id, pupil_id)
    SELECT o, ss12000_attendance_id(l, p), l, p FROM x ON CONFLICT DO NOTHING
  )
  INSERT INTO ss12000_entity AS e (organiser_id, entity_type, entity_id, created_at, modified_at, deleted_at)
  SELECT o, 'attendances', ss12000_attendance_id(l, p), now(), now(), CASE WHEN d THEN now() END FROM x
  ON CONFLICT (organiser_id, entity_type, entity_id) DO UPDATE SET modified_at = now(), deleted_at = excluded.deleted_at
$$;
--> statement-breakpoint
-- A roll call taken: every member of the group on the lesson's day has an attendance (present unless a
-- deviation says otherwise). A roll call removed: its attendances are deleted. Touching a roll call (a later
-- save) changes no pupil's attendance; the deviation's trigger tells which one changed.
CREATE FUNCTION ss12000_attendance_roll_call() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE o uuid[]; l uuid[]; p uuid[]; d boolean[];
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT array_agg(k.organiser_id), array_agg(k.lesson_id), array_agg(k.pupil_id), array_agg(true) INTO o, l, p, d
      FROM ss12000_attendance_key k JOIN changed c ON c.organiser_id = k.organiser_id AND c.lesson_id = k.lesson_id;
  ELSE
    SELECT array_agg(c.organiser_id), array_agg(c.lesson_id), array_agg(m.person_id), array_agg(ls.cancelled_at IS NOT NULL) INTO o, l, p, d
      FROM changed c
      JOIN lesson ls ON ls.organiser_id = c.organiser_id AND ls.id = c.lesson_id
      JOIN group_membership m ON m.organiser_id = ls.organiser_id AND m.group_id = ls.group_id
        AND m.start_date <= ls.lesson_date AND (m.end_date IS NULL OR m.end_date >= ls.lesson_date);
  END IF;
  IF o IS NOT NULL THEN PERFORM ss12000_attendance_mark(o, l, p, d); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A deviation written, changed or removed on a reported lesson modifies that pupil's attendance.
CREATE FUNCTION ss12000_attendance_deviation() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE o uuid[]; l uuid[]; p uuid[]; d boolean[];
BEGIN
  SELECT array_agg(c.organiser_id), array_agg(c.lesson_id), array_agg(c.pupil_id), array_agg(ls.cancelled_at IS NOT NULL) INTO o, l, p, d
    FROM changed c
    JOIN roll_call r ON r.organiser_id = c.organiser_id AND r.lesson_id = c.lesson_id
    JOIN lesson ls ON ls.organiser_id = c.organiser_id AND ls.id = c.lesson_id;
  IF o IS NOT NULL THEN PERFORM ss12000_attendance_mark(o, l, p, d); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A reported lesson changed (time, minutes) modifies its attendances; cancelled, they are no longer served.
CREATE FUNCTION ss12000_attendance_lesson() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE o uuid[]; l uuid[]; p uuid[]; d boolean[];
BEGIN
  SELECT array_agg(k.organiser_id), array_agg(k.lesson_id), array_agg(k.pupil_id), array_agg(c.cancelled_at IS NOT NULL) INTO o, l, p, d
    FROM changed c JOIN ss12000_attendance_key k ON k.organiser_id = c.organiser_id AND k.lesson_id = c.id;
  IF o IS NOT NULL THEN PERFORM ss12000_attendance_mark(o, l, p, d); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER ss12000_attendances_roll_call_insert AFTER INSERT ON roll_call REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ss12000_attendance_roll_call();
--> statement-breakpoint
CREATE TRIGGER ss12000_attendances_roll_call_delete AFTER DELETE ON roll_call REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ss12000_attendance_roll_call();
--> statement-breakpoint
CREATE TRIGGER ss12000_attendances_deviation_insert AFTER INSERT ON attendance_deviation REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ss12000_attendance_deviation();
--> statement-breakpoint
CREATE TRIGGER ss12000_attendances_deviation_update AFTER UPDATE ON attendance_deviation REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ss12000_attendance_deviation();
--> statement-breakpoint
CREATE TRIGGER ss12000_attendances_deviation_delete AFTER DELETE ON attendance_deviation REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ss12000_attendance_deviation();
--> statement-breakpoint
CREATE TRIGGER ss12000_attendances_lesson_update AFTER UPDATE ON lesson REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ss12000_attendance_lesson();
--> statement-breakpoint
-- Absences: a withdrawn report and leave that is not (or no longer) granted are not served, so they count
-- as deleted. These run after 0017's triggers of the same tables (triggers fire in the order of their names).
CREATE FUNCTION ss12000_absence_gone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'absence_report' THEN
    UPDATE ss12000_entity e SET deleted_at = now() FROM changed c
     WHERE e.organiser_id = c.organiser_id AND e.entity_type = 'absences' AND e.entity_id = c.id AND c.withdrawn_at IS NOT NULL;
  ELSE
    UPDATE ss12000_entity e SET deleted_at = now() FROM changed c
     WHERE e.organiser_id = c.organiser_id AND e.entity_type = 'absences' AND e.entity_id = c.id AND c.status <> 'granted';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER ss12000_absences_withdrawn_absence_report_update AFTER UPDATE ON absence_report REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ss12000_absence_gone();
--> statement-breakpoint
CREATE TRIGGER ss12000_absences_withdrawn_leave_application_insert AFTER INSERT ON leave_application REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ss12000_absence_gone();
--> statement-breakpoint
CREATE TRIGGER ss12000_absences_withdrawn_leave_application_update AFTER UPDATE ON leave_application REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ss12000_absence_gone();
--> statement-breakpoint
-- What is there already: the attendances of the roll calls taken, created when the roll call was taken and
-- modified when its last deviation was recorded.
INSERT INTO ss12000_attendance_key (organiser_id, id, lesson_id, pupil_id)
SELECT r.organiser_id, ss12000_attendance_id(r.lesson_id, m.person_id), r.lesson_id, m.person_id
  FROM roll_call r
  JOIN lesson ls ON ls.organiser_id = r.organiser_id AND ls.id = r.lesson_id
  JOIN group_membership m ON m.organiser_id = ls.organiser_id AND m.group_id = ls.group_id
   AND m.start_date <= ls.lesson_date AND (m.end_date IS NULL OR m.end_date >= ls.lesson_date)
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO ss12000_entity (organiser_id, entity_type, entity_id, created_at, modified_at, deleted_at)
SELECT k.organiser_id, 'attendances', k.id, r.reported_at, greatest(r.reported_at, d.recorded_at), CASE WHEN ls.cancelled_at IS NOT NULL THEN now() END
  FROM ss12000_attendance_key k
  JOIN roll_call r ON r.organiser_id = k.organiser_id AND r.lesson_id = k.lesson_id
  JOIN lesson ls ON ls.organiser_id = k.organiser_id AND ls.id = k.lesson_id
  LEFT JOIN attendance_deviation d ON d.organiser_id = k.organiser_id AND d.lesson_id = k.lesson_id AND d.pupil_id = k.pupil_id
ON CONFLICT DO NOTHING;
--> statement-breakpoint
UPDATE ss12000_entity e SET deleted_at = now() FROM absence_report r
 WHERE e.organiser_id = r.organiser_id AND e.entity_type = 'absences' AND e.entity_id = r.id AND r.withdrawn_at IS NOT NULL;
--> statement-breakpoint
UPDATE ss12000_entity e SET deleted_at = now() FROM leave_application a
 WHERE e.organiser_id = a.organiser_id AND e.entity_type = 'absences' AND e.entity_id = a.id AND a.status <> 'granted';
