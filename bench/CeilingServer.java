import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;

/**
 * The framework ceiling: a Jersey resource on the same Grizzly setup as the server, answering
 * every GET with precomputed bytes. {@code java -cp SERVER_JAR bench/CeilingServer.java PORT FILE}.
 */
public class CeilingServer {

    static byte[] body;

    @jakarta.ws.rs.Path("{any: .*}")
    public static class Fixed {
        @GET
        @Produces("application/json")
        public byte[] get() {
            return body;
        }
    }

    public static void main(String[] args) throws Exception {
        body = Files.readAllBytes(Path.of(args[1]));
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(
                URI.create("http://127.0.0.1:" + args[0] + "/"), new ResourceConfig().register(Fixed.class), false);
        server.start();
        System.out.println("ceiling listening on " + args[0]);
        Thread.currentThread().join();
    }
}
