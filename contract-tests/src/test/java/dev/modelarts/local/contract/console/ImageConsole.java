package dev.modelarts.local.contract.console;

import java.util.List;

import dev.modelarts.local.client.ApiClient;
import dev.modelarts.local.client.ApiException;
import dev.modelarts.local.client.api.ImageGroupsApi;
import dev.modelarts.local.client.api.ImagesApi;
import dev.modelarts.local.client.model.DeleteRequestBody;
import dev.modelarts.local.client.model.Image;
import dev.modelarts.local.client.model.ImageGroup;
import dev.modelarts.local.client.model.ImageRegRequest;
import dev.modelarts.local.client.model.ImageType;
import dev.modelarts.local.client.model.ListImageGroupResponse;

/**
 * A small image console, the consumer whose contract the pacts record: it pages through a
 * project's image groups with filters, registers an image, shows and deletes it, and turns the
 * service's refusals into messages. Written only with the client generated from the spec.
 */
public final class ImageConsole {

    /** A refusal, as the console shows it. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String code;

        Refused(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    /** One page of groups and how many there are in all. */
    public record GroupPage(List<ImageGroup> groups, long total, int page, int pages) {
    }

    private final ImageGroupsApi groups;
    private final ImagesApi images;
    private final String project;

    public ImageConsole(String baseUrl, String token, String project) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUrl.replaceAll("/+$", ""));
        client.setRequestInterceptor(request -> request.header("X-Auth-Token", token));
        this.groups = new ImageGroupsApi(client);
        this.images = new ImagesApi(client);
        this.project = project;
    }

    public GroupPage dedicatedGroups(String name, String namespace, int offset, int limit) {
        ListImageGroupResponse page = call(() -> groups.listImageGroup(project, name, null, namespace,
                ImageType.DEDICATED, null, limit, offset, null));
        return new GroupPage(page.getData(), page.getTotal(), page.getCurrent(), page.getPages());
    }

    public Image register(String swrPath, String description) {
        return call(() -> images.registerImage(project, new ImageRegRequest().swrPath(swrPath).description(description)));
    }

    public Image show(String id) {
        return call(() -> images.showImage(project, id));
    }

    public Image delete(String id) {
        return call(() -> images.deleteImage(project, id, null, new DeleteRequestBody().isForce(false)));
    }

    private interface Call<T> {
        T run() throws ApiException;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (ApiException e) {
            String code = "unknown";
            String message = e.getMessage();
            String body = e.getResponseBody();
            if (body != null) {
                var json = readJson(body);
                code = json.path("error_code").asText(code);
                message = json.path("error_msg").asText(message);
            }
            throw new Refused(e.getCode(), code, message);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode readJson(String body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        } catch (java.io.IOException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }
}
