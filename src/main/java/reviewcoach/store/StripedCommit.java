package reviewcoach.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Several {@link GroupCommit}s side by side, each on a connection of its own, for a database that runs transactions in
 * parallel (PostgreSQL): a group there runs its pieces one after another, a few round trips each, and holds the row
 * locks of its earlier pieces until its one commit, so a single committer both caps throughput at its round trips and
 * keeps sessions locked for a whole group. Work for one session ({@link #run(long, Work)}) always goes to the same
 * committer, so that two committers of this instance never wait for each other's lock on it and its pieces stay in
 * the order they came; other work goes to each committer in turn. Thread-safe.
 */
final class StripedCommit implements Transactions {

    private final List<GroupCommit> committers;
    private final AtomicInteger turn = new AtomicInteger();

    StripedCommit(DataSource dataSource, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        List<GroupCommit> started = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            started.add(new GroupCommit(dataSource));
        }
        this.committers = List.copyOf(started);
    }

    @Override
    public <T> T run(Work<T> work) throws SQLException {
        return committers
                .get(Math.floorMod(turn.getAndIncrement(), committers.size()))
                .run(work);
    }

    @Override
    public <T> T run(long key, Work<T> work) throws SQLException {
        return committerFor(key).run(work);
    }

    @Override
    public int callers() {
        int callers = 0;
        for (GroupCommit committer : committers) {
            callers += committer.callers();
        }
        return callers;
    }

    /** The one committer that runs every piece of work for {@code key}. */
    GroupCommit committerFor(long key) {
        return committers.get(Math.floorMod(Long.hashCode(key), committers.size()));
    }

    /** Commits what each committer has waiting, then stops them all. */
    @Override
    public void close() {
        committers.forEach(GroupCommit::close);
    }
}
