-- Indexes for the supervisors' SLA views (/api/sla/*, org.gridloop.sla.SlaQueries).
-- Plain composite indexes: the same file runs on H2 and PostgreSQL (no partial indexes).
-- Open steps are those with ended_at IS NULL; a B-tree on (ended_at, ...) reaches them as one range.
--
-- Already there (V2): gl_case_step_open_ix (ended_at, level, due_at) reaches the open steps for
-- the per-level, per-street and per-department counts and this month's ended steps for the
-- on-time rate; gl_case_status_ix (status, street_id) counts the cases awaiting a rating.
-- A covering index for the counts (every column they read) saved about 20 ms a query on
-- PostgreSQL with 100,000 open cases but was larger than the table's other indexes together
-- (204 MB for 1.3 million steps): not worth it.

-- Overdue now and due within 24 h: open steps by due date, in the order the lists show them
-- (ORDER BY ended_at, due_at, id), so a list of 100 reads 100 index entries, not every overdue step.
CREATE INDEX gl_case_step_sla_due_ix ON gl_case_step (ended_at, due_at, id);

-- Escalations of the last days: events by time, kind read from the index (kind LIKE '%Overdue').
CREATE INDEX gl_case_event_sla_at_ix ON gl_case_event (at, kind);
