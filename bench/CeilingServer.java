import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

/**
 * The framework ceiling: a Jersey resource on the same Grizzly setup as the server, answering
 * {@code GET /c/NAME} with the bytes of {@code DIR/NAME.json}, read once at start: the server's
 * own answers to the same requests, without any work to make them.
 * {@code java -cp SERVER_JAR bench/CeilingServer.java PORT DIR}.
 */
public class CeilingServer {

    static final Map<String, byte[]> BODIES = new HashMap<>();

    @jakarta.ws.rs.Path("c/{name}")
    public static class Fixed {
        @GET
        @Produces("application/json")
        public byte[] get(@PathParam("name") String name) {
            byte[] body = BODIES.get(name);
            if (body == null) {
                throw new NotFoundException();
            }
            return body;
        }
    }

    public static void main(String[] args) throws Exception {
        try (var files = Files.list(Path.of(args[1]))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".json")) {
                    BODIES.put(name.substring(0, name.length() - ".json".length()), Files.readAllBytes(file));
                }
            }
        }
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(
                URI.create("http://127.0.0.1:" + args[0] + "/"), new ResourceConfig().register(Fixed.class), false);
        server.start();
        System.out.println("ceiling listening on " + args[0] + " with " + BODIES.keySet());
        Thread.currentThread().join();
    }
}
