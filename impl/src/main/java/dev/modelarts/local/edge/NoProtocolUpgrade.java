package dev.modelarts.local.edge;

import java.io.IOException;

import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;

/**
 * Answers requests that offer a protocol upgrade ({@code Upgrade: h2c}, which java.net.http and
 * clients generated on it send by default) as plain HTTP/1.1 requests.
 *
 * <p>Without an HTTP/2 add-on, Grizzly marks such a request as an upgrade and then leaves the
 * answer without its Content-Type, and a request body without its end
 * (eclipse-ee4j/glassfish-grizzly#2192, #1972). The upgrade event is raised before the request
 * head is processed, so undoing the mark here lets Grizzly treat the request as an ordinary one.
 */
final class NoProtocolUpgrade implements AddOn {

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder chain) {
        int codec = chain.indexOfType(HttpServerFilter.class);
        chain.add(codec + 1, new DeclineUpgradeFilter());
    }

    private static final class DeclineUpgradeFilter extends BaseFilter {
        @Override
        public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) throws IOException {
            if (event instanceof HttpEvents.IncomingHttpUpgradeEvent upgrade) {
                HttpHeader header = upgrade.getHttpHeader();
                header.setIgnoreContentModifiers(false);
                header.getUpgradeDC().recycle();
                header.getHeaders().removeHeader(Header.Upgrade);
                return ctx.getStopAction();
            }
            return ctx.getInvokeAction();
        }
    }
}
