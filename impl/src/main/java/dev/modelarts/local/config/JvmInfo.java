package dev.modelarts.local.config;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Which JVM runs the server and which class cache it started from, as {@code --version} and the
 * start line say: an operator comparing start times needs to know whether the class-data
 * archive (JDK 17+) or the ahead-of-time cache (JDK 25+) was used.
 *
 * @param vm      the VM's name and version, {@code OpenJDK 64-Bit Server VM 17.0.15+6}
 * @param sharing whether classes were mapped from an archive or cache ({@code java.vm.info} says "sharing")
 * @param cache   what was named on the command line ({@code -XX:AOTCache}, {@code -XX:SharedArchiveFile}), or null
 */
public record JvmInfo(String vm, boolean sharing, String cache) {

    /** This process's. */
    public static JvmInfo current() {
        return of(System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                String.valueOf(System.getProperty("java.vm.info")),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    static JvmInfo of(String vm, String vmInfo, List<String> arguments) {
        String cache = null;
        for (String argument : arguments) {
            if (argument.startsWith("-XX:AOTCache=")) {
                cache = "AOT cache " + argument.substring("-XX:AOTCache=".length());
            } else if (argument.startsWith("-XX:SharedArchiveFile=") && cache == null) {
                cache = "class-data archive " + argument.substring("-XX:SharedArchiveFile=".length());
            }
        }
        return new JvmInfo(vm, vmInfo.contains("sharing"), cache);
    }

    /** {@code OpenJDK 64-Bit Server VM 17.0.15+6, class-data archive /opt/app/classes.jsa (mapped)} */
    @Override
    public String toString() {
        String classes;
        if (cache != null) {
            classes = cache + (sharing ? " (mapped)" : " (not used: the JVM could not map it)");
        } else {
            classes = sharing ? "the JDK's default class-data archive" : "no class-data archive";
        }
        return vm + ", " + classes;
    }
}
