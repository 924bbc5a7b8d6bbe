package dev.modelarts.local.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.modelarts.local.client.model.Image;
import dev.modelarts.local.contract.console.ImageConsole.Refused;
import dev.modelarts.local.contract.console.ImageConsole;
import dev.modelarts.local.testing.TestServer;

/** The client generated from the spec talks to the real server, every answer read by its models. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedClientIT {

    @RegisterExtension
    static final TestServer server = TestServer.create();
    private ImageConsole console;

    @BeforeAll
    void start() {
        console = new ImageConsole(server.baseUri().toString(), TestServer.TOKEN, "client-project");
    }

    @AfterAll
    void everyAnswerWasCheckedAgainstTheSpec() {
        assertThat(server.responsesChecked()).isPositive();
    }

    @Test
    void registersListsShowsAndDeletes() {
        Image image = console.register("swr.cn-north-4.myhuaweicloud.com/team/generated:v1", "via the generated client");
        assertThat(image.getName()).isEqualTo("generated");
        assertThat(image.getSupportResCategories()).extracting(Object::toString).containsExactly("CPU", "GPU");

        ImageConsole.GroupPage page = console.dedicatedGroups("generated", "team", 0, 10);
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.groups().get(0).getVersionCount()).isEqualTo(1);

        assertThat(console.show(image.getId()).getSwrPath()).endsWith("/team/generated:v1");
        assertThat(console.delete(image.getId()).getStatus()).hasToString("DELETED");
        assertThat(console.dedicatedGroups("generated", "team", 0, 10).total()).isZero();
    }

    @Test
    void readsTheErrorsInTheModelArtsShape() {
        assertThatThrownBy(() -> console.show("00000000-0000-0000-0000-000000000000"))
                .isInstanceOfSatisfying(Refused.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("ModelArts.6404");
                });
        ImageConsole stranger = new ImageConsole(server.baseUri().toString(), "unknown-token", "p");
        assertThatThrownBy(() -> stranger.dedicatedGroups(null, null, 0, 10))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.code()).isEqualTo("ModelArts.0203"));
    }
}
