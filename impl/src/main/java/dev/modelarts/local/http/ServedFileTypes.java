package dev.modelarts.local.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The content type of the files this server serves as text (the OpenAPI YAML, the docs page and
 * its scripts and styles), by name: a browser applies a stylesheet or runs a script only with its
 * own type, whatever its Accept header let content negotiation choose.
 */
@Priority(2000)
public final class ServedFileTypes implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 200) {
            return;
        }
        String path = request.getUriInfo().getPath(false);
        String type = path.equals("openapi.yaml") ? "application/yaml;charset=UTF-8"
                : path.equals("docs") ? "text/html;charset=UTF-8"
                : path.startsWith("docs/") && path.endsWith(".css") ? "text/css;charset=UTF-8"
                : path.startsWith("docs/") && path.endsWith(".js") ? "text/javascript;charset=UTF-8"
                : null;
        if (type != null) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, type);
        }
    }
}
