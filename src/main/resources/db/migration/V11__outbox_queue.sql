-- Each session's deliveries form a queue in which only the oldest is visible to the courier: it is PENDING (or SENDING
-- once claimed), and the ones behind it are QUEUED until it is sent or given up. The courier's claim is then a plain
-- walk of the due index, however many messages a busy session owes. Before, every claim looked past each queued row
-- with a subquery, and a backlog behind messages being sent made every claim walk all of it.
-- Portable SQL: runs on H2 and PostgreSQL alike.

UPDATE outbox SET status = 'QUEUED'
WHERE status = 'PENDING'
  AND session_id IS NOT NULL
  AND (EXISTS (SELECT 1 FROM outbox e WHERE e.status = 'PENDING' AND e.session_id = outbox.session_id
               AND e.id < outbox.id)
       OR EXISTS (SELECT 1 FROM outbox e WHERE e.status = 'SENDING' AND e.session_id = outbox.session_id
                  AND e.id < outbox.id));
