package reviewcoach.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Describes the machine a run happened on: cores, memory, CPU model, operating system and Java. */
final class Machine {

    private Machine() {}

    /** The PostgreSQL server's version, such as "PostgreSQL 15.18". */
    static String postgres(String url) {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url);
                java.sql.ResultSet version = connection.createStatement().executeQuery("SHOW server_version")) {
            version.next();
            return "PostgreSQL " + version.getString(1).split(" ")[0];
        } catch (java.sql.SQLException failure) {
            return "PostgreSQL (version unknown: " + failure.getClass().getSimpleName() + ")";
        }
    }

    static String describe() {
        return "Machine: " + Runtime.getRuntime().availableProcessors() + " cores (nproc), "
                + memory() + " memory, CPU " + firstValue("/proc/cpuinfo", "model name") + ", "
                + osName() + " (kernel " + System.getProperty("os.version") + "), Java "
                + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.vendor") + ")";
    }

    private static String memory() {
        String total = firstValue("/proc/meminfo", "MemTotal");
        try {
            long kb = Long.parseLong(total.replace("kB", "").strip());
            return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
        } catch (NumberFormatException unknown) {
            return total;
        }
    }

    private static String osName() {
        String name = firstValue("/etc/os-release", "PRETTY_NAME");
        return name.replace("=", "").replace("\"", "").strip();
    }

    private static String firstValue(String file, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            for (String line : lines) {
                if (line.startsWith(key)) {
                    return line.substring(key.length())
                            .replaceFirst("^\\s*[:=]?\\s*", "")
                            .strip();
                }
            }
        } catch (IOException unreadable) {
            // reported as unknown below
        }
        return "unknown";
    }
}
