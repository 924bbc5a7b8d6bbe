package dev.modelarts.local.resources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.ApiClient.Reply;
import dev.modelarts.local.testing.TestDatabase;
import dev.modelarts.local.testing.TestServer;

/**
 * The hot reads answered again from kept views and JSON (KeptJson) over real HTTP: the same
 * bytes and length while nothing changed, and the new state right after each kind of write.
 */
@Tag(TestDatabase.BOTH)
class KeptAnswersIT {

    private static final String SWR = "swr.cn-north-4.myhuaweicloud.com/team/";

    @RegisterExtension
    static final TestServer server = TestServer.create();

    @Test
    void eachHotReadGivesTheSameBytesUntilAWriteThenTheNewState() {
        ApiClient api = server.client();
        String project = "kept-answers";
        String groups = "/v1/" + project + "/images/group?limit=10&type=DEDICATED";
        String images = "/v1/" + project + "/images?limit=10&type=DEDICATED";
        String id = register(api, project, "kept:v1");
        String shown = "/v1/" + project + "/images/" + id;

        for (String read : new String[] {groups, images, shown}) {
            Reply first = ok(api.get(read));
            Reply again = ok(api.get(read));
            assertThat(again.body()).as(read).isEqualTo(first.body());
            assertThat(again.header("Content-Length")).as(read)
                    .isEqualTo(String.valueOf(first.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        }

        // a registration: the group's version count and the listing move on
        register(api, project, "kept:v2");
        assertThat(ok(api.get(groups)).json().at("/data/0/version_count").asInt()).isEqualTo(2);
        assertThat(ok(api.get(images)).json().get("total").asInt()).isEqualTo(2);

        // a group update: the listing shows the new read_me
        String groupId = ok(api.get(groups)).json().at("/data/0/id").asText();
        ok(api.json("PUT", "/v1/" + project + "/images/group/" + groupId, "{\"read_me\": \"now documented\"}"));
        assertThat(ok(api.get(groups)).json().at("/data/0/read_me").asText()).isEqualTo("now documented");

        // a deletion: the image is gone from ShowImage and ListImage, and its DELETED answer
        // (made from the same row ShowImage showed) did not change what ShowImage had kept
        assertThat(ok(api.delete(shown)).json().get("status").asText()).isEqualTo("DELETED");
        assertThat(api.get(shown).status()).isEqualTo(400); // ModelArts.6404, as the real service answers
        assertThat(ok(api.get(images)).json().get("total").asInt()).isEqualTo(1);
    }

    private static String register(ApiClient api, String project, String nameAndTag) {
        Reply reply = api.json("POST", "/v1/" + project + "/images", "{\"swr_path\": \"" + SWR + nameAndTag + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("id").asText();
    }

    private static Reply ok(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }
}
