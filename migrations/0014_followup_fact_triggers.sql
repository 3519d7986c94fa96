-- The follow-up's pre-aggregated facts (followup_fact) are rebuilt per (school unit, school year) marked in
-- followup_dirty. These triggers mark what a change touches; the report rebuilds the marked pairs before it reads.
CREATE FUNCTION followup_mark_grades() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO followup_dirty (organiser_id, school_unit_id, school_year)
  SELECT DISTINCT sg.organiser_id, sg.school_unit_id, t.school_year
  FROM changed_grades c
  JOIN student_group sg ON sg.organiser_id = c.organiser_id AND sg.id = c.group_id
  JOIN term t ON t.organiser_id = c.organiser_id AND t.id = c.term_id
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER followup_grade_insert AFTER INSERT ON grade REFERENCING NEW TABLE AS changed_grades
  FOR EACH STATEMENT EXECUTE FUNCTION followup_mark_grades();
--> statement-breakpoint
CREATE TRIGGER followup_grade_update AFTER UPDATE ON grade REFERENCING NEW TABLE AS changed_grades
  FOR EACH STATEMENT EXECUTE FUNCTION followup_mark_grades();
--> statement-breakpoint
CREATE TRIGGER followup_grade_delete AFTER DELETE ON grade REFERENCING OLD TABLE AS changed_grades
  FOR EACH STATEMENT EXECUTE FUNCTION followup_mark_grades();
--> statement-breakpoint
-- A pupil's test result, background or person data: every (unit, school year) of the pupil's grades.
CREATE FUNCTION followup_mark_pupils() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO followup_dirty (organiser_id, school_unit_id, school_year)
  SELECT DISTINCT sg.organiser_id, sg.school_unit_id, t.school_year
  FROM (SELECT DISTINCT organiser_id, pupil_id FROM changed_pupils) c
  JOIN grade g ON g.organiser_id = c.organiser_id AND g.pupil_id = c.pupil_id
  JOIN student_group sg ON sg.organiser_id = g.organiser_id AND sg.id = g.group_id
  JOIN term t ON t.organiser_id = g.organiser_id AND t.id = g.term_id
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER followup_test_insert AFTER INSERT ON national_test_result REFERENCING NEW TABLE AS changed_pupils
  FOR EACH STATEMENT EXECUTE FUNCTION followup_mark_pupils();
--> statement-breakpoint
CREATE TRIGGER followup_test_update AFTER UPDATE ON national_test_result REFERENCING NEW TABLE AS changed_pupils
  FOR EACH STATEMENT EXECUTE FUNCTION followup_mark_pupils();
--> statement-breakpoint
CREATE TRIGGER followup_test_delete AFTER DELETE ON national_test_result REFERENCING OLD TABLE AS changed_pupils
  FOR EACH STATEMENT EXECUTE FUNCTION followup_mark_pupils();
--> statement-breakpoint
CREATE TRIGGER followup_background_insert AFTER INSERT ON pupil_background REFERENCING NEW TABLE AS changed_pupils
  FOR EACH STATEMENT EXECUTE FUNCTION followup_mark_pupils();
--> statement-breakpoint
CREATE TRIGGER followup_background_update AFTER UPDATE ON pupil_background REFERENCING NEW TABLE AS changed_pupils
  FOR EACH STATEMENT EXECUTE FUNCTION followup_mark_pupils();
--> statement-breakpoint
CREATE TRIGGER followup_background_delete AFTER DELETE ON pupil_background REFERENCING OLD TABLE AS changed_pupils
  FOR EACH STATEMENT EXECUTE FUNCTION followup_mark_pupils();
--> statement-breakpoint
-- A person's sex, newly-arrived date or Swedish as a second language (rare: one row at a time).
CREATE FUNCTION followup_mark_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO followup_dirty (organiser_id, school_unit_id, school_year)
  SELECT DISTINCT sg.organiser_id, sg.school_unit_id, t.school_year
  FROM grade g
  JOIN student_group sg ON sg.organiser_id = g.organiser_id AND sg.id = g.group_id
  JOIN term t ON t.organiser_id = g.organiser_id AND t.id = g.term_id
  WHERE g.organiser_id = NEW.organiser_id AND g.pupil_id = NEW.id
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER followup_person_update AFTER UPDATE OF sex, newly_arrived_date, swedish_as_second_language ON person
  FOR EACH ROW WHEN (OLD.sex IS DISTINCT FROM NEW.sex OR OLD.newly_arrived_date IS DISTINCT FROM NEW.newly_arrived_date
    OR OLD.swedish_as_second_language IS DISTINCT FROM NEW.swedish_as_second_language)
  EXECUTE FUNCTION followup_mark_person();
--> statement-breakpoint
-- A group moved to another unit or year group, or a term's dates or school year changed (rare).
CREATE FUNCTION followup_mark_group() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO followup_dirty (organiser_id, school_unit_id, school_year)
  SELECT DISTINCT g.organiser_id, u.unit, t.school_year
  FROM grade g
  JOIN term t ON t.organiser_id = g.organiser_id AND t.id = g.term_id
  CROSS JOIN (VALUES (OLD.school_unit_id), (NEW.school_unit_id)) AS u(unit)
  WHERE g.organiser_id = NEW.organiser_id AND g.group_id = NEW.id
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER followup_group_update AFTER UPDATE OF school_unit_id, school_year ON student_group
  FOR EACH ROW WHEN (OLD.school_unit_id IS DISTINCT FROM NEW.school_unit_id OR OLD.school_year IS DISTINCT FROM NEW.school_year)
  EXECUTE FUNCTION followup_mark_group();
--> statement-breakpoint
CREATE FUNCTION followup_mark_term() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO followup_dirty (organiser_id, school_unit_id, school_year)
  SELECT DISTINCT g.organiser_id, sg.school_unit_id, y.school_year
  FROM grade g
  JOIN student_group sg ON sg.organiser_id = g.organiser_id AND sg.id = g.group_id
  CROSS JOIN (VALUES (OLD.school_year), (NEW.school_year)) AS y(school_year)
  WHERE g.organiser_id = NEW.organiser_id AND g.term_id = NEW.id
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER followup_term_update AFTER UPDATE OF school_year, kind, end_date ON term
  FOR EACH ROW WHEN (OLD.school_year IS DISTINCT FROM NEW.school_year OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.end_date IS DISTINCT FROM NEW.end_date)
  EXECUTE FUNCTION followup_mark_term();
--> statement-breakpoint
-- Databases made before the facts existed: everything is to be built.
INSERT INTO followup_dirty (organiser_id, school_unit_id, school_year)
SELECT DISTINCT sg.organiser_id, sg.school_unit_id, t.school_year
FROM grade g
JOIN student_group sg ON sg.organiser_id = g.organiser_id AND sg.id = g.group_id
JOIN term t ON t.organiser_id = g.organiser_id AND t.id = g.term_id
ON CONFLICT DO NOTHING;
