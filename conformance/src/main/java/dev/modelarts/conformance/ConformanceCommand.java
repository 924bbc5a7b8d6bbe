package dev.modelarts.conformance;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bin/modelarts-conformance}: checks a running endpoint against the spec. Exit 0 when
 * every answer conforms, 1 when one does not, 2 when the run could not be made (bad options).
 */
@Command(name = "modelarts-conformance", mixinStandardHelpOptions = true,
        versionProvider = ConformanceCommand.Version.class, sortOptions = false,
        description = {
            "Calls every operation of the ModelArts image API spec against an endpoint, with valid "
                    + "requests and with invalid ones built from the spec, and checks every answer against it: "
                    + "the status, the body's schema, the error family (ModelArts.* or APIG.*), X-Request-Id "
                    + "and the paging figures. Writes JUnit XML and a summary with the coverage.",
            "Read-only unless --allow-writes: then it registers an image of its own, changes and "
                    + "deletes it, and deletes whatever is left at the end."})
public final class ConformanceCommand implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec command;

    @Option(names = "--target", paramLabel = "URL",
            description = "Base address of the endpoint. Default: the real service in --region, "
                    + "https://modelarts.REGION.myhuaweicloud.com.")
    private URI target;

    @Option(names = "--project", required = true, paramLabel = "PROJECT_ID",
            description = "Project id the credential is bound to.")
    private String project;

    @Option(names = "--region", paramLabel = "REGION", defaultValue = "cn-north-4",
            description = "Region of the project (the default target, and the SWR host of a registered image). "
                    + "Default: ${DEFAULT-VALUE}.")
    private String region;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:MODELARTS_TOKEN}",
            description = "IAM token, sent as X-Auth-Token (MODELARTS_TOKEN).")
    private String token;

    @Option(names = "--ak", paramLabel = "ACCESS_KEY", defaultValue = "${env:HUAWEICLOUD_SDK_AK}",
            description = "Access key; requests are signed with the official SDK's signer (HUAWEICLOUD_SDK_AK).")
    private String accessKey;

    @Option(names = "--sk", paramLabel = "SECRET_KEY", defaultValue = "${env:HUAWEICLOUD_SDK_SK}",
            description = "Secret key of --ak (HUAWEICLOUD_SDK_SK).")
    private String secretKey;

    @Option(names = "--allow-writes",
            description = "Also send the writes that should succeed, on an image of the runner's own.")
    private boolean allowWrites;

    @Option(names = "--swr-image", paramLabel = "SWR_PATH",
            description = "SWR path of the image to register with --allow-writes (the real service needs one "
                    + "the account owns). Default: a new name under swr.REGION.myhuaweicloud.com.")
    private String swrImage;

    @Option(names = "--scope", paramLabel = "SCOPE", defaultValue = "service",
            description = "service: the ModelArts operations (/v1/...); server: also this server's health, "
                    + "version, metrics, spec and IAM operations. Default: ${DEFAULT-VALUE}.")
    private String scope;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "conformance-report",
            description = "Where the JUnit XML and summary.md go. Default: ${DEFAULT-VALUE}.")
    private Path reportDir;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the ids and names the run makes up.")
    private Long seed;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for each answer. Default: ${DEFAULT-VALUE}.")
    private int timeout;

    @Option(names = "--verbose", description = "Print each case as it runs.")
    private boolean verbose;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command; returns its exit code. */
    static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(new ConformanceCommand());
        line.setOut(out);
        line.setErr(err);
        line.setExitCodeExceptionMapper(e -> 2);
        line.setParameterExceptionHandler((e, a) -> {
            err.println(e.getMessage());
            e.getCommandLine().usage(err);
            return 2;
        });
        return line.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        Target.Credential credential;
        Runner.Scope runScope;
        try {
            credential = new Target.Credential(blank(token), blank(accessKey), blank(secretKey));
            runScope = Runner.Scope.valueOf(scope.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("modelarts-conformance: " + (e.getMessage().contains("Scope") ? "--scope is service or server"
                    : e.getMessage() + " (--token, or --ak with --sk)"));
            return 2;
        }
        URI endpoint = target != null ? target : URI.create("https://modelarts." + region + ".myhuaweicloud.com");
        long runSeed = seed != null ? seed : System.nanoTime();
        Random random = new Random(runSeed);
        String image = !allowWrites ? null : swrImage != null ? swrImage
                : "swr." + region + ".myhuaweicloud.com/conformance/conformance-" + Long.toHexString(random.nextLong())
                        .replace("-", "") + ":v1";
        out.println("modelarts-conformance: " + endpoint + ", project " + project + ", " + credential + ", "
                + (allowWrites ? "writes allowed" : "read-only") + ", scope " + runScope.name().toLowerCase()
                + ", seed " + runSeed);
        Runner runner = new Runner(ApiSpec.bundled(), new Target(endpoint, credential, Duration.ofSeconds(timeout)),
                Clock.systemUTC(), random, verbose ? out::println : line -> { });
        Report report;
        try {
            report = runner.run(project, runScope, image);
        } catch (Runner.Unreachable e) {
            err.println("modelarts-conformance: " + e.getMessage());
            return 2;
        }
        report.write(reportDir, endpoint.toString());
        out.print(report.summary(endpoint.toString()));
        out.println();
        out.println("JUnit XML and summary: " + reportDir.toAbsolutePath());
        return report.holds() ? 0 : 1;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The version of the jar, as Maven wrote it into the manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ConformanceCommand.class.getPackage().getImplementationVersion();
            return new String[] {"modelarts-conformance " + (version == null ? "(development)" : version)};
        }
    }
}
