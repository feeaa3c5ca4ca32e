-- Claims on the outbox, so that several instances can drain one outbox and send each delivery once.
-- A courier takes a delivery by setting status = 'SENDING', its own name in claimed_by, and a lease in claimed_until;
-- when a courier stops without settling a delivery, another takes it over once the lease has run out.
-- Portable SQL: runs on H2 and PostgreSQL alike.

ALTER TABLE outbox ADD COLUMN claimed_by VARCHAR(300);

ALTER TABLE outbox ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
