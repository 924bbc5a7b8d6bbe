package dev.modelarts.local.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.threadpool.Threads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.modelarts.local.requestid.RequestId;
import dev.modelarts.local.threads.NoWait;

/**
 * Where the edge serves a request, over real HTTP on a bare Grizzly server: a GET without a body
 * that the shortcut may answer from memory stays on the I/O thread that read it; one the
 * shortcut leaves there (it would have waited) is asked again on a worker thread, then goes to
 * the application, or, if it waits for a step that needs no waiting thread, again in place on
 * its I/O thread once the step is done; anything else never stays on the I/O thread.
 */
class InPlaceAnswersIT {

    /** One question to the shortcut or the application: the flag it was given, and where it ran. */
    private record Call(String who, boolean inPlace, String thread) {

        /** The I/O thread, the thread that did a step ({@link #STEP}), or a worker thread. */
        static String current() {
            return Threads.isService() ? "io" : Thread.currentThread().getName().startsWith(STEP) ? STEP : "worker";
        }
    }

    private static final String STEP = "step";

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> ioThreads = new CopyOnWriteArrayList<>();
    private final ExecutorService steps = Executors.newSingleThreadExecutor(r -> new Thread(r, STEP));
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpServer http;

    @AfterEach
    void stop() {
        if (http != null) {
            http.shutdownNow();
        }
        steps.shutdownNow();
    }

    /** A shortcut that answers when {@code answers} says so of the inPlace flag, and records each question. */
    private Shortcut shortcut(boolean fromMemory, Predicate<Boolean> answers) {
        return new Shortcut() {
            @Override
            public boolean answer(Request request, Response response, EdgeRequest view, boolean inPlace) throws IOException {
                calls.add(new Call("shortcut", inPlace, Call.current()));
                if (!answers.test(inPlace)) {
                    return false;
                }
                response.setStatus(200);
                response.getWriter().write("shortcut");
                return true;
            }

            @Override
            public boolean answersInPlace() {
                return fromMemory;
            }
        };
    }

    /**
     * A shortcut whose first question on the I/O thread would wait for a step that needs no
     * waiting thread (done on the {@link #STEP} thread, which then gives it back where the edge
     * said); asked again, it answers, or would wait again unless {@code answersAfterStep}; on a
     * worker thread it answers. Each I/O thread's name is kept in {@link #ioThreads}.
     */
    private Shortcut waitingForAStep(boolean answersAfterStep) {
        NoWait noWait = new NoWait();
        return new Shortcut() {
            @Override
            public boolean answer(Request request, Response response, EdgeRequest view, boolean inPlace) throws IOException {
                String where = Call.current();
                calls.add(new Call("shortcut", inPlace, where));
                if (where.equals("io")) {
                    ioThreads.add(Thread.currentThread().getName());
                }
                boolean again = request.getAttribute("asked") != null;
                request.setAttribute("asked", true);
                try (NoWait.Marked marked = noWait.mark()) {
                    if (where.equals("io") && !again) {
                        noWait.check((then, connectionThread) -> steps.execute(() -> {
                            calls.add(new Call("step", true, Call.current()));
                            connectionThread.execute(then);
                        }));
                    } else if (where.equals("io") && !answersAfterStep) {
                        noWait.check(); // a second wait, one a thread must wait for
                    }
                }
                response.setStatus(200);
                response.getWriter().write("shortcut");
                return true;
            }

            @Override
            public boolean answersInPlace() {
                return true;
            }
        };
    }

    private String start(Shortcut shortcut, Interception interception) throws IOException {
        http = new HttpServer();
        NetworkListener listener = new NetworkListener("in-place-test", "127.0.0.1", 0);
        http.addListener(listener);
        http.getServerConfiguration().addHttpHandler(new HttpHandler() {
            @Override
            public void service(Request request, Response response) throws IOException {
                calls.add(new Call("application", false, Call.current()));
                response.getWriter().write("application");
                if (response.isSuspended()) {
                    response.resume(); // as Jersey's container does when it commits a response
                }
            }
        }, HttpHandlerRegistration.ROOT);
        http.getServerConfiguration().setAllowPayloadForUndefinedHttpMethods(true); // as the server has it
        Edge.install(http, new Cors(List.of()), interception, shortcut, RequestId.random());
        http.start();
        return "http://127.0.0.1:" + listener.getPort() + "/v1/p/images";
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aGetTheShortcutAnswersFromMemoryIsAnsweredOnTheIoThreadThatReadIt() throws Exception {
        String url = start(shortcut(true, inPlace -> true), Interception.NONE);

        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url)));

        assertThat(answer.body()).isEqualTo("shortcut");
        assertThat(calls).containsExactly(new Call("shortcut", true, "io"));
    }

    @Test
    void aReadThatWouldWaitIsAskedForAgainOnAWorkerThread() throws Exception {
        String url = start(shortcut(true, inPlace -> !inPlace), Interception.NONE);

        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url)));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("shortcut");
        assertThat(calls).containsExactly(new Call("shortcut", true, "io"), new Call("shortcut", false, "worker"));
        // the connection goes on after the suspended answer: the next request is served as the first
        calls.clear();
        assertThat(send(HttpRequest.newBuilder(URI.create(url))).body()).isEqualTo("shortcut");
        assertThat(calls).hasSize(2);
    }

    @Test
    void aReadThatWaitsForAStepNeedingNoWaitingThreadIsAskedAgainOnItsOwnIoThreadOnceTheStepIsDone() throws Exception {
        String url = start(waitingForAStep(true), Interception.NONE);

        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url)));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("shortcut");
        assertThat(calls).containsExactly(new Call("shortcut", true, "io"), new Call("step", true, STEP),
                new Call("shortcut", true, "io"));
        assertThat(ioThreads).as("the I/O thread that read the request").hasSize(2).containsOnly(ioThreads.get(0));
        calls.clear();
        assertThat(send(HttpRequest.newBuilder(URI.create(url))).body()).as("the connection goes on").isEqualTo("shortcut");
        assertThat(calls).hasSize(3);
    }

    @Test
    void aRequestPipelinedAfterOneAnsweredAfterAStepIsServedAsTheFirst() throws Exception {
        String url = start(waitingForAStep(true), Interception.NONE);
        URI uri = URI.create(url);
        String get = "GET " + uri.getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((get + get).getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder read = new StringBuilder();
            while (read.toString().split("shortcut", -1).length < 3) {
                read.append((char) in.read());
            }
        }

        assertThat(calls).as("each asked on the I/O thread, the step's thread only doing the step")
                .containsExactly(new Call("shortcut", true, "io"), new Call("step", true, STEP),
                        new Call("shortcut", true, "io"), new Call("shortcut", true, "io"), new Call("step", true, STEP),
                        new Call("shortcut", true, "io"));
    }

    @Test
    void aReadThatStillWouldWaitAfterTheStepGoesToAWorkerThread() throws Exception {
        String url = start(waitingForAStep(false), Interception.NONE);

        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url)));

        assertThat(answer.body()).isEqualTo("shortcut");
        assertThat(calls).containsExactly(new Call("shortcut", true, "io"), new Call("step", true, STEP),
                new Call("shortcut", true, "io"), new Call("shortcut", false, "worker"));
    }

    @Test
    void whatTheShortcutLeavesOnBothThreadsTheApplicationAnswersOnAWorkerThread() throws Exception {
        String url = start(shortcut(true, inPlace -> false), Interception.NONE);

        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url)));

        assertThat(answer.body()).isEqualTo("application");
        assertThat(calls).containsExactly(new Call("shortcut", true, "io"), new Call("shortcut", false, "worker"),
                new Call("application", false, "worker"));
    }

    @Test
    void anotherMethodOrAGetWithABodyNeverStaysOnTheIoThread() throws Exception {
        String url = start(shortcut(true, inPlace -> false), Interception.NONE);

        send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString("{}")));
        send(HttpRequest.newBuilder(URI.create(url)).method("GET", HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(calls).containsExactly(new Call("shortcut", false, "worker"), new Call("application", false, "worker"),
                new Call("shortcut", false, "worker"), new Call("application", false, "worker"));
    }

    @Test
    void nothingStaysOnTheIoThreadWhileTheInterceptionMayTakeARequestOrTheShortcutAsksTheDatabase() throws Exception {
        Interception mayTake = (request, response, view, serve) -> false; // not idle: it would have to look
        String url = start(shortcut(true, inPlace -> true), mayTake);
        send(HttpRequest.newBuilder(URI.create(url)));
        stop();
        String second = start(shortcut(false, inPlace -> true), Interception.NONE);
        send(HttpRequest.newBuilder(URI.create(second)));

        assertThat(calls).containsExactly(new Call("shortcut", false, "worker"), new Call("shortcut", false, "worker"));
    }
}
