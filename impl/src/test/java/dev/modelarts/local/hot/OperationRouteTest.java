package dev.modelarts.local.hot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.modelarts.local.api.ImageGroupsApi;
import dev.modelarts.local.api.ImagesApi;
import dev.modelarts.local.api.model.ImageType;
import dev.modelarts.local.api.model.SortDir;

/** {@link OperationRoute}: routes read from the generated interfaces, and what counts as plain. */
class OperationRouteTest {

    private static final OperationRoute GROUPS = route(ImageGroupsApi.class, "listImageGroup");
    private static final OperationRoute IMAGES = route(ImagesApi.class, "listImage");
    private static final OperationRoute SHOW = route(ImagesApi.class, "showImage");

    @Test
    void templatesAreTheSpecsPaths() {
        assertThat(GROUPS.template()).isEqualTo("/v1/{project_id}/images/group");
        assertThat(IMAGES.template()).isEqualTo("/v1/{project_id}/images");
        assertThat(SHOW.template()).isEqualTo("/v1/{project_id}/images/{id}");
        assertThat(GROUPS.literalCharacters()).isGreaterThan(SHOW.literalCharacters());
    }

    @Test
    void aPathMatchesItsTemplateOnly() {
        assertThat(GROUPS.matches(OperationRoute.split("/v1/p/images/group"))).isTrue();
        assertThat(SHOW.matches(OperationRoute.split("/v1/p/images/group"))).isTrue(); // hence the order
        assertThat(IMAGES.matches(OperationRoute.split("/v1/p/images"))).isTrue();
        for (String path : new String[] {"/v1/p/images/", "/v1//images", "/v1/p/images/group/", "v1/p/images",
            "/V1/p/images", "/v1/p/images/group/x"}) {
            assertThat(IMAGES.matches(OperationRoute.split(path)) || GROUPS.matches(OperationRoute.split(path))).as(path).isFalse();
        }
    }

    @Test
    void plainArgumentsWithTheSpecsDefaults() {
        Object[] args = GROUPS.arguments(OperationRoute.split("/v1/proj-1/images/group"), null);
        // projectId, name, nameFuzzyMatch, namespace, type, workspaceId, limit, offset, swrInstanceId
        assertThat(args).containsExactly("proj-1", null, true, null, null, "0", 200, 0, null);
        assertThat(GROUPS.projectOf(args)).isEqualTo("proj-1");

        args = GROUPS.arguments(OperationRoute.split("/v1/p/images/group"),
                "limit=5&name_fuzzy_match=false&type=DEDICATED&name=my.app_1-x~y&unknown=whatever");
        assertThat(args).containsExactly("p", "my.app_1-x~y", false, null, ImageType.DEDICATED, "0", 5, 0, null);

        Object[] list = IMAGES.arguments(OperationRoute.split("/v1/p/images"), "sort_dir=ASC&offset=-1");
        assertThat(list[2]).isEqualTo(-1); // out of range: the constraints, then Jersey, refuse it
        assertThat(Arrays.asList(list)).contains(SortDir.ASC);
        assertThat(SHOW.arguments(OperationRoute.split("/v1/p/images/abc-1"), "limit=x")).containsExactly("p", "abc-1");
    }

    @Test
    void anythingJerseyWouldReadDifferentlyIsNotPlain() {
        String[] path = OperationRoute.split("/v1/p/images/group");
        for (String query : new String[] {"limit=1&limit=2", "limit=", "limit", "limit=%31", "lim%69t=3", "name=a+b",
            "name=a%20b", "limit=+3", "limit=1234567890", "limit=٣", "name_fuzzy_match=TRUE", "name_fuzzy_match=yes",
            "type=dedicated", "type=", "a b=1", "&", ""}) {
            assertThat(GROUPS.arguments(path, query)).as(query).isNull();
        }
        assertThat(SHOW.arguments(OperationRoute.split("/v1/p%41/images/x"), null)).isNull();
        assertThat(SHOW.arguments(OperationRoute.split("/v1/p/images/a;b"), null)).isNull();
    }

    @Test
    void aRequestBodyHasItsSlotAndTheArgumentsLeaveItEmpty() {
        OperationRoute register = route(ImagesApi.class, "registerImage");
        assertThat(register.template()).isEqualTo("/v1/{project_id}/images");
        assertThat(register.bodySlot()).isEqualTo(1);
        assertThat(register.arguments(OperationRoute.split("/v1/p/images"), null)).containsExactly("p", null);
        assertThat(IMAGES.bodySlot()).isEqualTo(-1);
    }

    @Test
    void onlyPathAndQueryParametersAndOneBodyMakeRoutes() {
        assertThatThrownBy(() -> route(Unroutable.class, "withHeader")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter 1");
        assertThatThrownBy(() -> route(Unroutable.class, "withTwoBodies")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter 2");
    }

    /** Operations a route cannot serve. */
    @jakarta.ws.rs.Path("/v1/{project_id}/x")
    interface Unroutable {
        @jakarta.ws.rs.POST
        Object withHeader(@jakarta.ws.rs.PathParam("project_id") String projectId,
                @jakarta.ws.rs.HeaderParam("X-Thing") String thing);

        @jakarta.ws.rs.POST
        Object withTwoBodies(@jakarta.ws.rs.PathParam("project_id") String projectId, String one, String two);
    }

    private static OperationRoute route(Class<?> api, String name) {
        return OperationRoute.of(api, HotReads.Resource.of(new Object(), api, name).method());
    }
}
