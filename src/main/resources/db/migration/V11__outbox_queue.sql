-- Each session's deliveries form a queue in which only the oldest is visible to the courier: it is PENDING (or SENDING
-- once claimed), and the ones behind it are QUEUED until it is sent or given up. The courier's claim is then a plain
-- walk of the due index, however many messages a busy session owes. Before, every claim looked past each queued row
-- with a subquery, and a backlog behind messages being sent made every claim walk all of it.
-- Portable SQL: runs on H2 and PostgreSQL alike.

-- A session's deliveries by status, oldest first: whether it owes anything, and which queued one is next. It replaces
-- outbox_pending (status, session_id, id) and outbox_session (session_id, id): one index fewer to write per delivery.
-- What looks by status alone (claims that ran out) walks outbox_due (status, not_before, id).
CREATE INDEX outbox_queue ON outbox (session_id, status, id);

DROP INDEX outbox_pending;

DROP INDEX outbox_session;

UPDATE outbox SET status = 'QUEUED'
WHERE status = 'PENDING'
  AND session_id IS NOT NULL
  AND (EXISTS (SELECT 1 FROM outbox e WHERE e.session_id = outbox.session_id AND e.status = 'PENDING'
               AND e.id < outbox.id)
       OR EXISTS (SELECT 1 FROM outbox e WHERE e.session_id = outbox.session_id AND e.status = 'SENDING'
                  AND e.id < outbox.id));
