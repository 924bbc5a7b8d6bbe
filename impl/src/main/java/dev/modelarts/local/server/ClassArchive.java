package dev.modelarts.local.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import javax.management.JMException;
import javax.management.ObjectName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The class-data archive the launcher asks for ({@code -Dmodelarts.cds.archive=FILE} with
 * {@code -XX:+RecordDynamicDumpInfo}): written at a graceful stop, and only by a run that served
 * at least one request, so that the archive holds the classes that serving loads. A run that
 * printed its help, failed to start or never served writes nothing; the JVM's own
 * {@code -XX:ArchiveClassesAtExit} would have archived those runs' few classes, and every later
 * start would have mapped that near-empty archive instead of making a useful one.
 */
final class ClassArchive {

    static final String PROPERTY = "modelarts.cds.archive";
    /**
     * On JDK 25 and newer the launcher asks the JVM for an ahead-of-time cache instead
     * ({@code -XX:AOTCacheOutput}), which the JVM writes at exit whatever the run did; the run
     * then leaves this marker file when it served, and the launcher keeps only a cache with one.
     */
    static final String AOT_SERVED = "modelarts.aot.served";
    private static final Logger LOG = LoggerFactory.getLogger(ClassArchive.class);

    private ClassArchive() {
    }

    /** Writes the archive when the launcher asked for one and this run served. */
    static void writeIfServed(long requestsServed) {
        markServed(requestsServed);
        String wanted = System.getProperty(PROPERTY);
        if (wanted == null || wanted.isBlank() || requestsServed == 0) {
            return;
        }
        Path target = Path.of(wanted).toAbsolutePath().normalize();
        // written beside the target, then moved: a server starting meanwhile never maps half a file
        Path partial = target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            dump(partial);
            if (Files.exists(partial)) {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                LOG.info("Class-data archive written for faster starts: {}", target);
            }
        } catch (JMException | IOException | RuntimeException e) {
            // an optimisation only: the next start makes do without it
            LOG.debug("No class-data archive written to {}", target, e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // nothing to clean
            }
        }
    }

    /**
     * Asks the JVM for the archive. The JDK prints "Dynamic dump to file ..." on standard
     * output as it dumps, a plain line that would break a JSON log: it is kept out of the
     * console (and logged at DEBUG). The server has stopped serving by now, so no other line
     * is being written meanwhile.
     */
    private static void dump(Path file) throws JMException {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmCds",
                    new Object[] {new String[] {"dynamic_dump", file.toString()}},
                    new String[] {String[].class.getName()});
        } finally {
            System.setOut(out);
            LOG.debug("The JVM printed: {}", printed.toString(StandardCharsets.UTF_8).strip());
        }
    }

    private static void markServed(long requestsServed) {
        String marker = System.getProperty(AOT_SERVED);
        if (marker == null || marker.isBlank() || requestsServed == 0) {
            return;
        }
        try {
            Files.writeString(Path.of(marker), requestsServed + " requests served\n");
        } catch (IOException e) {
            LOG.debug("No AOT marker written to {}", marker, e); // the next start trains again
        }
    }
}
