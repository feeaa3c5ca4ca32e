package reviewcoach.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A data source that hands out one open connection, again and again (closing it does nothing), so that a test can see
 * what the code under test runs on it: the SQL of every statement it prepares, and each commit (as {@code COMMIT}).
 */
public final class OneConnection {

    private OneConnection() {}

    public static DataSource of(Connection connection) {
        return of(connection, new ArrayList<>());
    }

    /** As above, adding the SQL of each statement prepared on it to {@code prepared}, and {@code COMMIT} for a commit. */
    public static DataSource of(Connection connection, List<String> prepared) {
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return Proxy.newProxyInstance(
                            Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, m, a) -> {
                                if (m.getName().equals("close")) {
                                    return null;
                                }
                                if (m.getName().equals("prepareStatement")) {
                                    prepared.add((String) a[0]);
                                } else if (m.getName().equals("commit")) {
                                    prepared.add("COMMIT");
                                }
                                try {
                                    return m.invoke(connection, a);
                                } catch (InvocationTargetException thrown) {
                                    throw thrown.getCause();
                                }
                            });
                });
    }
}
