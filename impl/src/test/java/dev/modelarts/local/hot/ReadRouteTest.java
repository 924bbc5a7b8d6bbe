package dev.modelarts.local.hot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.modelarts.local.api.ImageGroupsApi;
import dev.modelarts.local.api.ImagesApi;
import dev.modelarts.local.api.model.ImageType;
import dev.modelarts.local.api.model.SortDir;

/** {@link ReadRoute}: routes read from the generated interfaces, and what counts as plain. */
class ReadRouteTest {

    private static final ReadRoute GROUPS = route(ImageGroupsApi.class, "listImageGroup");
    private static final ReadRoute IMAGES = route(ImagesApi.class, "listImage");
    private static final ReadRoute SHOW = route(ImagesApi.class, "showImage");

    @Test
    void templatesAreTheSpecsPaths() {
        assertThat(GROUPS.template()).isEqualTo("/v1/{project_id}/images/group");
        assertThat(IMAGES.template()).isEqualTo("/v1/{project_id}/images");
        assertThat(SHOW.template()).isEqualTo("/v1/{project_id}/images/{id}");
        assertThat(GROUPS.literalCharacters()).isGreaterThan(SHOW.literalCharacters());
    }

    @Test
    void aPathMatchesItsTemplateOnly() {
        assertThat(GROUPS.matches(ReadRoute.split("/v1/p/images/group"))).isTrue();
        assertThat(SHOW.matches(ReadRoute.split("/v1/p/images/group"))).isTrue(); // hence the order
        assertThat(IMAGES.matches(ReadRoute.split("/v1/p/images"))).isTrue();
        for (String path : new String[] {"/v1/p/images/", "/v1//images", "/v1/p/images/group/", "v1/p/images",
            "/V1/p/images", "/v1/p/images/group/x"}) {
            assertThat(IMAGES.matches(ReadRoute.split(path)) || GROUPS.matches(ReadRoute.split(path))).as(path).isFalse();
        }
    }

    @Test
    void plainArgumentsWithTheSpecsDefaults() {
        Object[] args = GROUPS.arguments(ReadRoute.split("/v1/proj-1/images/group"), null);
        // projectId, name, nameFuzzyMatch, namespace, type, workspaceId, limit, offset, swrInstanceId
        assertThat(args).containsExactly("proj-1", null, true, null, null, "0", 200, 0, null);
        assertThat(GROUPS.projectOf(args)).isEqualTo("proj-1");

        args = GROUPS.arguments(ReadRoute.split("/v1/p/images/group"),
                "limit=5&name_fuzzy_match=false&type=DEDICATED&name=my.app_1-x~y&unknown=whatever");
        assertThat(args).containsExactly("p", "my.app_1-x~y", false, null, ImageType.DEDICATED, "0", 5, 0, null);

        Object[] list = IMAGES.arguments(ReadRoute.split("/v1/p/images"), "sort_dir=ASC&offset=-1");
        assertThat(list[2]).isEqualTo(-1); // out of range: the constraints, then Jersey, refuse it
        assertThat(Arrays.asList(list)).contains(SortDir.ASC);
        assertThat(SHOW.arguments(ReadRoute.split("/v1/p/images/abc-1"), "limit=x")).containsExactly("p", "abc-1");
    }

    @Test
    void anythingJerseyWouldReadDifferentlyIsNotPlain() {
        String[] path = ReadRoute.split("/v1/p/images/group");
        for (String query : new String[] {"limit=1&limit=2", "limit=", "limit", "limit=%31", "lim%69t=3", "name=a+b",
            "name=a%20b", "limit=+3", "limit=1234567890", "limit=٣", "name_fuzzy_match=TRUE", "name_fuzzy_match=yes",
            "type=dedicated", "type=", "a b=1", "&", ""}) {
            assertThat(GROUPS.arguments(path, query)).as(query).isNull();
        }
        assertThat(SHOW.arguments(ReadRoute.split("/v1/p%41/images/x"), null)).isNull();
        assertThat(SHOW.arguments(ReadRoute.split("/v1/p/images/a;b"), null)).isNull();
    }

    @Test
    void onlyReadsOfPathAndQueryParametersMakeRoutes() {
        assertThatThrownBy(() -> route(ImagesApi.class, "registerImage")).isInstanceOf(IllegalArgumentException.class);
    }

    private static ReadRoute route(Class<?> api, String name) {
        return ReadRoute.of(api, HotReads.Resource.of(new Object(), api, name).method());
    }
}
