package reviewcoach.store;

import java.util.Arrays;

/** A statement that changes rows, its parameters, and what it does (for a failure's message). */
record Write(String doing, String sql, Object... parameters) {

    /**
     * This statement preceded by {@code first}, as one statement (PostgreSQL's data-modifying {@code WITH}); itself when
     * there is no {@code first}.
     */
    Write after(Write first) {
        if (first == null) {
            return this;
        }
        Object[] both = Arrays.copyOf(first.parameters, first.parameters.length + parameters.length);
        System.arraycopy(parameters, 0, both, first.parameters.length, parameters.length);
        return new Write(first.doing + " and " + doing, "WITH written AS (" + first.sql + ") " + sql, both);
    }
}
