-- Indexes for the supervisors' SLA views (/api/sla/*, org.gridloop.sla.SlaQueries).
-- Plain composite indexes: the same file runs on H2 and PostgreSQL (no partial indexes).
-- Open steps are those with ended_at IS NULL; a B-tree on (ended_at, ...) reaches them as one range.

-- Open cases per level, street and department (COUNT DISTINCT case_number, overdue / due-soon by
-- due_at, report-in by step): every column the three aggregations read, so PostgreSQL answers them
-- with an index-only scan of the open steps.
CREATE INDEX gl_case_step_sla_open_ix
  ON gl_case_step (ended_at, level, street_id, department, step, case_number, due_at);

-- Overdue now and due within 24 h: open steps by due date, in the order the lists show them.
CREATE INDEX gl_case_step_sla_due_ix ON gl_case_step (ended_at, due_at);

-- Escalations of the last days: events by time (kind read from the index, LIKE '%Overdue').
CREATE INDEX gl_case_event_sla_at_ix ON gl_case_event (at, kind);
