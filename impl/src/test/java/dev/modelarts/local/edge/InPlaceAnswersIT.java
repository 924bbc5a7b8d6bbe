package dev.modelarts.local.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

/**
 * Where the edge serves a request, over real HTTP on a bare Grizzly server: a GET without a body
 * that the shortcut may answer from memory stays on the I/O thread that read it; one the
 * shortcut leaves there (it would have waited) is asked again on a worker thread, then goes to
 * the application; anything else never stays on the I/O thread.
 */
class InPlaceAnswersIT {

    /** One question to the shortcut or the application: the flag it was given, and where it ran. */
    private record Call(String who, boolean inPlace, boolean ioThread) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpServer http;

    @AfterEach
    void stop() {
        if (http != null) {
            http.shutdownNow();
        }
    }

    /** A shortcut that answers when {@code answers} says so of the inPlace flag, and records each question. */
    private Shortcut shortcut(boolean fromMemory, Predicate<Boolean> answers) {
        return new Shortcut() {
            @Override
            public boolean answer(Request request, Response response, EdgeRequest view, boolean inPlace) throws IOException {
                calls.add(new Call("shortcut", inPlace, Threads.isService()));
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

    private String start(Shortcut shortcut, Interception interception) throws IOException {
        http = new HttpServer();
        NetworkListener listener = new NetworkListener("in-place-test", "127.0.0.1", 0);
        http.addListener(listener);
        http.getServerConfiguration().addHttpHandler(new HttpHandler() {
            @Override
            public void service(Request request, Response response) throws IOException {
                calls.add(new Call("application", false, Threads.isService()));
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
        assertThat(calls).containsExactly(new Call("shortcut", true, true));
    }

    @Test
    void aReadThatWouldWaitIsAskedForAgainOnAWorkerThread() throws Exception {
        String url = start(shortcut(true, inPlace -> !inPlace), Interception.NONE);

        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url)));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("shortcut");
        assertThat(calls).containsExactly(new Call("shortcut", true, true), new Call("shortcut", false, false));
        // the connection goes on after the suspended answer: the next request is served as the first
        calls.clear();
        assertThat(send(HttpRequest.newBuilder(URI.create(url))).body()).isEqualTo("shortcut");
        assertThat(calls).hasSize(2);
    }

    @Test
    void whatTheShortcutLeavesOnBothThreadsTheApplicationAnswersOnAWorkerThread() throws Exception {
        String url = start(shortcut(true, inPlace -> false), Interception.NONE);

        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url)));

        assertThat(answer.body()).isEqualTo("application");
        assertThat(calls).containsExactly(new Call("shortcut", true, true), new Call("shortcut", false, false),
                new Call("application", false, false));
    }

    @Test
    void anotherMethodOrAGetWithABodyNeverStaysOnTheIoThread() throws Exception {
        String url = start(shortcut(true, inPlace -> false), Interception.NONE);

        send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString("{}")));
        send(HttpRequest.newBuilder(URI.create(url)).method("GET", HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(calls).containsExactly(new Call("shortcut", false, false), new Call("application", false, false),
                new Call("shortcut", false, false), new Call("application", false, false));
    }

    @Test
    void nothingStaysOnTheIoThreadWhileTheInterceptionMayTakeARequestOrTheShortcutAsksTheDatabase() throws Exception {
        Interception mayTake = (request, response, view, serve) -> false; // not idle: it would have to look
        String url = start(shortcut(true, inPlace -> true), mayTake);
        send(HttpRequest.newBuilder(URI.create(url)));
        stop();
        String second = start(shortcut(false, inPlace -> true), Interception.NONE);
        send(HttpRequest.newBuilder(URI.create(second)));

        assertThat(calls).containsExactly(new Call("shortcut", false, false), new Call("shortcut", false, false));
    }
}
