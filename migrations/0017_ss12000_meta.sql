-- SS 12000 meta.created / meta.modified and deletedEntities: statement triggers on the tables each
-- entity comes from keep ss12000_entity up to date, whatever path of the product wrote the rows.
-- Arguments: entity type (the SS 12000 resource name), the column holding the entity id, 'main' when
-- the table holds the entity itself (a delete marks it deleted) or 'part' when it holds a part of it
-- (enrolments of a person, memberships of a group: any change modifies the entity), the organiser
-- column, and an optional condition on the rows.
CREATE FUNCTION ss12000_touch() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  entity text := TG_ARGV[0];
  id_col text := TG_ARGV[1];
  is_main boolean := TG_ARGV[2] = 'main';
  org_col text := TG_ARGV[3];
  cond text := coalesce(nullif(TG_ARGV[4], ''), 'true');
  deleting boolean := TG_OP = 'DELETE' AND is_main;
BEGIN
  EXECUTE format(
    'INSERT INTO ss12000_entity AS e (organiser_id, entity_type, entity_id, created_at, modified_at, deleted_at)
     SELECT DISTINCT %1$I, $1, %2$I, now(), now(), CASE WHEN $2 THEN now() END FROM changed WHERE %2$I IS NOT NULL AND (%3$s)
     ON CONFLICT (organiser_id, entity_type, entity_id) DO UPDATE SET modified_at = now(), deleted_at = %4$s',
    org_col, id_col, cond, CASE WHEN deleting THEN 'now()' WHEN is_main THEN 'NULL' ELSE 'e.deleted_at' END)
  USING entity, deleting;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION ss12000_track(tbl text, entity text, id_col text, kind text, org_col text DEFAULT 'organiser_id', cond text DEFAULT '')
RETURNS void LANGUAGE plpgsql AS $$
DECLARE op text;
BEGIN
  FOREACH op IN ARRAY ARRAY['INSERT', 'UPDATE', 'DELETE'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER %s ON %I REFERENCING %s TABLE AS changed FOR EACH STATEMENT
      EXECUTE FUNCTION ss12000_touch(%L, %L, %L, %L, %L)',
      'ss12000_' || entity || '_' || tbl || '_' || lower(op), op, tbl, CASE WHEN op = 'DELETE' THEN 'OLD' ELSE 'NEW' END,
      entity, id_col, kind, org_col, cond);
  END LOOP;
  EXECUTE format('INSERT INTO ss12000_entity (organiser_id, entity_type, entity_id, created_at, modified_at)
    SELECT DISTINCT %1$I, %2$L, %3$I, now(), now() FROM %4$I WHERE %3$I IS NOT NULL AND (%5$s) ON CONFLICT DO NOTHING',
    org_col, entity, id_col, tbl, coalesce(nullif(cond, ''), 'true'));
END $$;
--> statement-breakpoint
SELECT ss12000_track('organiser', 'organisations', 'id', 'main', 'id');
--> statement-breakpoint
SELECT ss12000_track('school_unit', 'organisations', 'id', 'main');
--> statement-breakpoint
SELECT ss12000_track('person', 'persons', 'id', 'main');
--> statement-breakpoint
SELECT ss12000_track('enrolment', 'persons', 'person_id', 'part');
--> statement-breakpoint
SELECT ss12000_track('guardianship', 'persons', 'child_id', 'part');
--> statement-breakpoint
SELECT ss12000_track('duty', 'duties', 'id', 'main');
--> statement-breakpoint
SELECT ss12000_track('student_group', 'groups', 'id', 'main');
--> statement-breakpoint
SELECT ss12000_track('group_membership', 'groups', 'group_id', 'part');
--> statement-breakpoint
SELECT ss12000_track('student_group', 'activities', 'id', 'main', 'organiser_id', 'group_type = ''teaching''');
--> statement-breakpoint
SELECT ss12000_track('group_staff', 'activities', 'group_id', 'part');
--> statement-breakpoint
SELECT ss12000_track('grade', 'grades', 'id', 'main');
--> statement-breakpoint
SELECT ss12000_track('lesson', 'calendarEvents', 'id', 'main');
--> statement-breakpoint
SELECT ss12000_track('absence_report', 'absences', 'id', 'main');
--> statement-breakpoint
SELECT ss12000_track('leave_application', 'absences', 'id', 'main');
