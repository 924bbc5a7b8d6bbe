package dev.modelarts.conformance;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Predicate;

import dev.modelarts.conformance.ApiSpec.Operation;
import dev.modelarts.conformance.Report.Result;
import dev.modelarts.conformance.Target.Exchange;

/**
 * One run: learn from the list operations, make the runner's own image when writes are allowed,
 * run every operation's cases, finish and clean up the writes, and report.
 */
final class Runner {

    /** Which operations a run covers. */
    enum Scope {
        /** the ModelArts API itself (paths under /v1/), what the real service serves */
        SERVICE(op -> op.path().startsWith("/v1/")),
        /** also this server's own read-only operations: health, version, metrics, the spec, IAM discovery */
        SERVER(op -> !op.tags().contains("TestControl"));

        final Predicate<Operation> includes;

        Scope(Predicate<Operation> includes) {
            this.includes = includes;
        }
    }

    /** The endpoint does not answer at all: nothing to check. */
    static final class Unreachable extends RuntimeException {
        Unreachable(String message) {
            super(message);
        }
    }

    private final ApiSpec spec;
    private final Checks checks;
    private final Target target;
    private final Clock clock;
    private final Random random;
    private final Consumer<String> progress;

    Runner(ApiSpec spec, Target target, Clock clock, Random random, Consumer<String> progress) {
        this.spec = spec;
        this.checks = new Checks(spec);
        this.target = target;
        this.clock = clock;
        this.random = random;
        this.progress = progress;
    }

    /**
     * @param swrImage the SWR path of the image to register with writes allowed; null for reads only
     */
    Report run(String projectId, Scope scope, String swrImage) {
        List<Operation> inScope = spec.operations().stream().filter(scope.includes).toList();
        Map<String, Operation> byId = new LinkedHashMap<>();
        spec.operations().forEach(op -> byId.put(op.id(), op));
        Report report = new Report(inScope);
        try {
            target.send(new Target.Request("GET", "/", List.of(), null, Target.Auth.NONE));
        } catch (IOException e) {
            throw new Unreachable(target.base() + " does not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        Knowledge knowledge = new Knowledge(projectId);
        Cases cases = new Cases(knowledge, random);
        for (String list : List.of("listImage", "listImageGroup")) {
            Operation op = byId.get(list);
            cases.validPath(op).ifPresent(path -> run(report, new Case(op, "discovery: valid, no filters",
                    Cases.request(op, path, List.of(), null, Target.Auth.CREDENTIAL), Case.Expect.success()))
                    .ifPresent(answer -> knowledge.learn(list, Checks.parse(answer.body()))));
        }
        WriteScenario writes = swrImage == null ? null : new WriteScenario(byId, knowledge, swrImage);
        if (writes != null) {
            writes.setUp(c -> run(report, c));
        } else {
            report.note("read-only: the writes that should succeed (register, update, sync, delete) were not"
                    + " sent; --allow-writes sends them and deletes what it made");
        }
        for (Operation op : inScope) {
            for (Case c : cases.of(op)) {
                run(report, c);
            }
        }
        if (writes != null) {
            writes.finish(c -> run(report, c));
            writes.cleanUp(this::quietly).forEach(left -> report.note("could not delete " + left));
        }
        return report;
    }

    private Optional<Exchange> run(Report report, Case c) {
        long start = clock.millis();
        try {
            Exchange answer = target.send(c.request());
            List<String> problems = checks.problems(c, answer);
            report.add(new Result(c, answer.status(), answer.header("X-Request-Id"), problems, clock.millis() - start));
            progress.accept((problems.isEmpty() ? "pass " : "FAIL ") + c.title() + " -> " + answer.status());
            return Optional.of(answer);
        } catch (IOException e) {
            report.add(new Result(c, 0, null, List.of("no answer: " + e), clock.millis() - start));
            progress.accept("FAIL " + c.title() + " -> no answer: " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Optional<Exchange> quietly(Case c) {
        try {
            return Optional.of(target.send(c.request()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
