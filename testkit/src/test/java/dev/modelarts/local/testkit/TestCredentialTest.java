package dev.modelarts.local.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestCredentialTest {

    @Test
    void theDevelopmentCredentialIsTheServersDefault() {
        assertThat(TestCredential.DEVELOPMENT.projectId()).isEqualTo("dev-project");
        assertThat(TestCredential.DEVELOPMENT.token()).isEqualTo("dev-token");
        assertThat(TestCredential.DEVELOPMENT.region()).isEqualTo("cn-north-4");
    }

    @Test
    void aCredentialNeedsATokenOrAWholeKeyPair() {
        assertThatThrownBy(() -> new TestCredential("p", null, null, null, "r"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token");
        assertThatThrownBy(() -> new TestCredential("p", null, "AK", null, "r"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret key");
        assertThat(TestCredential.ofAccessKey("p", "AK", "SK").inRegion("ap-southeast-1").region())
                .isEqualTo("ap-southeast-1");
    }

    @Test
    void secretsAreNeverPrinted() {
        String printed = new TestCredential("p", "the-token", "AK", "the-secret", "r").toString();
        assertThat(printed).doesNotContain("the-token").doesNotContain("the-secret").contains("AK");
    }
}
