package dev.modelarts.local.edge;

import java.util.Map;

import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.ServerConfiguration;

import dev.modelarts.local.config.EdgeLimits;
import dev.modelarts.local.requestid.RequestId;

/**
 * Puts the edge in front of an application served by Grizzly: the strict codec on every
 * listener, the edge handler around the application's handler, JSON error pages, and the limits
 * of a request head. After this, every byte a client sends is answered in the ModelArts shape.
 */
public final class Edge {

    private static final EdgeLimits LIMITS = EdgeLimits.DEFAULT;

    private Edge() {
    }

    /**
     * Call before the server starts, after the application's handler is registered; {@code cors}
     * says which origins may call from a browser, {@code interception} may take a request before
     * the application (the fault rules), {@code shortcut} may then answer it in full (the hot
     * reads), {@code requestIds} is where new request ids come from.
     */
    public static void install(HttpServer http, Cors cors, Interception interception, Shortcut shortcut,
            RequestId requestIds) {
        ServerConfiguration config = http.getServerConfiguration();
        Map<HttpHandler, HttpHandlerRegistration[]> handlers = config.getHttpHandlersWithMapping();
        if (handlers.size() != 1) {
            throw new IllegalStateException("the edge wraps exactly one application handler, found " + handlers.size());
        }
        Map.Entry<HttpHandler, HttpHandlerRegistration[]> application = handlers.entrySet().iterator().next();
        config.removeHttpHandler(application.getKey());
        config.addHttpHandler(new EdgeHandler(application.getKey(), cors, interception, shortcut, requestIds), application.getValue());
        config.setDefaultErrorPageGenerator(new JsonErrorPages(requestIds));
        // TRACE goes to the application too, which answers it 405 like any method it lacks
        config.setPassTraceRequest(true);
        for (NetworkListener listener : http.getListeners()) {
            listener.setMaxHttpHeaderSize(LIMITS.maxHeadBytes());
            listener.setMaxRequestHeaders(LIMITS.maxHeaderFields());
            listener.registerAddOn(new StrictCodecAddOn(config, requestIds));
            listener.registerAddOn(new NoProtocolUpgrade());
        }
    }

    /**
     * Swaps Grizzly's HTTP codec for {@link StrictHttpCodec}, with the same settings: an add-on is
     * Grizzly's public way to change a listener's filter chain.
     */
    private record StrictCodecAddOn(ServerConfiguration config, RequestId requestIds) implements AddOn {
        @Override
        public void setup(NetworkListener listener, FilterChainBuilder chain) {
            int codec = chain.indexOfType(org.glassfish.grizzly.http.HttpServerFilter.class);
            chain.set(codec, new StrictHttpCodec(listener, config, LIMITS.maxHeadBytes(), requestIds));
        }
    }
}
