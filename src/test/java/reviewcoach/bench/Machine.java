package reviewcoach.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Describes the machine a run happened on: cores, memory, CPU model, operating system and Java. */
final class Machine {

    private Machine() {}

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
