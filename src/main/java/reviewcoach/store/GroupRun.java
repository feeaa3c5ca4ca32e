package reviewcoach.store;

/**
 * What the pieces of one group commit share on PostgreSQL, besides its connection: the writes held back for the next
 * statement ({@link HeldWrites}) and the claims made ahead of them ({@link ClaimsAhead}). Not thread-safe: one
 * committer's, for one group.
 */
record GroupRun(HeldWrites held, ClaimsAhead ahead) {

    /** A group with nothing held back and no claims made ahead yet. */
    static GroupRun starting() {
        return new GroupRun(new HeldWrites(), ClaimsAhead.none());
    }
}
