package dev.modelarts.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelarts.conformance.ApiSpec.Operation;
import dev.modelarts.conformance.ApiSpec.Param;
import dev.modelarts.conformance.Case.Family;
import dev.modelarts.conformance.Target.Auth;

/** The cases the spec implies, the values they use and the checks that need no server. */
class CasesTest {

    private static final ApiSpec SPEC = ApiSpec.bundled();

    private static Operation op(String id) {
        return SPEC.operations().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
    }

    private static Param param(String op, String name) {
        return op(op).params().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyLimitOfAParameterGetsAValueThatBreaksIt() {
        assertThat(Values.invalid(param("listImageGroup", "limit")))
                .containsEntry("not a number", "x1")
                .containsEntry("below minimum 1", "0")
                .containsEntry("above maximum 1000", "1001");
        assertThat(Values.invalid(param("listImageGroup", "name_fuzzy_match"))).containsValue("maybe");
        assertThat(Values.invalid(param("listImage", "sort_dir"))).containsValue("NOT_IN_THE_ENUM");
        Map<String, String> name = Values.invalid(param("listImageGroup", "name"));
        assertThat(name.get("longer than 512")).hasSize(513).matches("[a-z]+");
        assertThat(name.get("not matching ^[a-z0-9._-]*$")).doesNotMatch("^[a-z0-9._-]*$");
    }

    @Test
    void aReadGetsSuccessesAndEveryKindOfRefusal() {
        Knowledge knowledge = new Knowledge("p1");
        List<Case> cases = new Cases(knowledge, new Random(1)).of(op("listImageGroup"));

        assertThat(cases).filteredOn(c -> c.expect().statuses().isEmpty()).isNotEmpty()
                .allMatch(c -> c.request().auth() == Auth.CREDENTIAL && c.request().path().equals("/v1/p1/images/group"));
        assertThat(cases).anyMatch(c -> c.expect().accepts(401) && c.request().auth() == Auth.NONE);
        assertThat(cases).anyMatch(c -> c.expect().accepts(401) && c.request().auth() == Auth.WRONG);
        assertThat(cases).anyMatch(c -> c.expect().accepts(403)
                && c.request().path().equals("/v1/" + Cases.OTHER_PROJECT + "/images/group"));
        assertThat(cases).anyMatch(c -> c.expect().accepts(404) && c.expect().family() == Family.APIG
                && c.request().path().equals("/v1//images/group"));
        assertThat(cases).anyMatch(c -> c.expect().accepts(400) && c.request().line().endsWith("?limit=1001"));
    }

    @Test
    void aWriteGetsOnlyRequestsThatCannotSucceed() {
        Knowledge knowledge = new Knowledge("p1");
        knowledge.own("known-image", "known-group");
        for (String write : List.of("registerImage", "deleteImage", "deleteImageGroup", "updateImageGroup", "syncImage")) {
            List<Case> cases = new Cases(knowledge, new Random(1)).of(op(write));
            assertThat(cases).as(write).isNotEmpty()
                    .noneMatch(c -> c.expect().accepts(200))
                    .noneMatch(c -> c.request().path().contains("known-"));
        }
    }

    @Test
    void aBodyIsRefusedWhenNotJsonWithoutItsRequiredFieldOrWithAFieldOfTheWrongType() {
        List<Case> cases = new Cases(new Knowledge("p1"), new Random(1)).of(op("registerImage"));
        assertThat(cases).extracting(Case::name)
                .contains("a body that is not JSON", "body without required swr_path", "body field swr_path of the wrong type");
        assertThat(cases).filteredOn(c -> c.name().startsWith("body")).allMatch(c -> c.expect().accepts(400));
    }

    @Test
    void aPageIsCheckedAgainstTotalLimitAndOffset() throws Exception {
        Operation list = op("listImageGroup");
        var request = Cases.request(list, Map.of("project_id", "p1"),
                List.of(Map.entry("limit", "2"), Map.entry("offset", "3")), null, Auth.CREDENTIAL);
        var json = new ObjectMapper();
        assertThat(Paging.problems(list, request, json.readTree("{\"data\":[{},{}],\"total\":5,\"pages\":3}"))).isEmpty();
        assertThat(Paging.problems(list, request, json.readTree("{\"data\":[{},{}],\"total\":4,\"pages\":3}")))
                .containsExactly("$.data has 2 records; with total 4, limit 2 and offset 3 it should have 1",
                        "$.pages is 3; with total 4 and limit 2 it should be 2");
    }

    @Test
    void aJsonPointerIsShownAsAJsonPath() {
        assertThat(Checks.jsonPath("/data/0/swr_path")).isEqualTo("$.data[0].swr_path");
        assertThat(Checks.jsonPath("")).isEqualTo("$");
    }
}
