package com.example.images;

import java.util.List;
import java.util.Map;

import com.huaweicloud.sdk.core.HcClient;
import com.huaweicloud.sdk.core.SdkResponse;
import com.huaweicloud.sdk.core.http.FieldExistence;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequestDef;
import com.huaweicloud.sdk.core.http.LocationType;

/**
 * The three ModelArts image calls the tool under test makes, written with the official SDK's core
 * as the SDK's own ModelArts module writes them: one request definition per operation, the
 * project id filled in by the SDK from its credentials.
 */
public final class ImageApi {

    /** The request's fields, as the definitions below read them. */
    public static class Request {
        private String id;
        private String name;
        private Object body;

        public String getId() { return id; }
        public void setId(String value) { id = value; }
        public String getName() { return name; }
        public void setName(String value) { name = value; }
        public Object getBody() { return body; }
        public void setBody(Object value) { body = value; }
    }

    /** The JSON answer, as the SDK reads it: maps and lists. */
    public static class Response extends SdkResponse {
        private Object body;

        public Object getBody() { return body; }
        public void setBody(Object value) { body = value; }

        @SuppressWarnings("unchecked")
        Map<String, Object> json() { return (Map<String, Object>) body; }
    }

    private static HttpRequestDef.Builder<Request, Response> define(HttpMethod method, String uri) {
        return HttpRequestDef.builder(method, Request.class, Response.class).withName(uri).withUri(uri)
                .withContentType("application/json")
                .withResponseField("body", LocationType.Body, FieldExistence.NULL_IGNORE, Object.class,
                        f -> f.withMarshaller(Response::getBody, Response::setBody));
    }

    private static final HttpRequestDef<Request, Response> REGISTER = define(HttpMethod.POST, "/v1/{project_id}/images")
            .withRequestField("body", LocationType.Body, FieldExistence.NON_NULL_NON_EMPTY, Object.class,
                    f -> f.withMarshaller(Request::getBody, Request::setBody))
            .build();

    private static final HttpRequestDef<Request, Response> LIST_GROUPS = define(HttpMethod.GET, "/v1/{project_id}/images/group")
            .withRequestField("name", LocationType.Query, FieldExistence.NULL_IGNORE, String.class,
                    f -> f.withMarshaller(Request::getName, Request::setName))
            .build();

    private static final HttpRequestDef<Request, Response> DELETE = define(HttpMethod.DELETE, "/v1/{project_id}/images/{id}")
            .withRequestField("id", LocationType.Path, FieldExistence.NON_NULL_NON_EMPTY, String.class,
                    f -> f.withMarshaller(Request::getId, Request::setId))
            .build();

    private final HcClient client;

    public ImageApi(HcClient client) {
        this.client = client;
    }

    /** RegisterImage: answers the new image's id. */
    public String register(String swrPath) {
        Request request = new Request();
        request.setBody(Map.of("swr_path", swrPath));
        return (String) client.syncInvokeHttp(request, REGISTER).json().get("id");
    }

    /** ListImageGroup filtered by name: the groups' names. */
    @SuppressWarnings("unchecked")
    public List<String> groupNames(String name) {
        Request request = new Request();
        request.setName(name);
        List<Map<String, Object>> groups = (List<Map<String, Object>>) client.syncInvokeHttp(request, LIST_GROUPS)
                .json().get("data");
        return groups.stream().map(group -> (String) group.get("name")).toList();
    }

    /** DeleteImage. */
    public void delete(String id) {
        Request request = new Request();
        request.setId(id);
        client.syncInvokeHttp(request, DELETE);
    }
}
