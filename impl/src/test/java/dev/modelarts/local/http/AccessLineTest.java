package dev.modelarts.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one rule by which a client's bytes go into the access line. */
class AccessLineTest {

    @Test
    void printableAsciiStaysAndAnEncodedTargetIsWrittenUnchanged() {
        assertThat(AccessLine.safe("/v1/p/images/group?name=a%20b&limit=2", 512, false))
                .isEqualTo("/v1/p/images/group?name=a%20b&limit=2");
    }

    @Test
    void whatCouldForgeALineOrAFieldBecomesPercentEscapes() {
        assertThat(AccessLine.safe("/x\r\nINFO forged 200", 512, false)).isEqualTo("/x%0D%0AINFO%20forged%20200");
        assertThat(AccessLine.safe("curl/8 \"x\" \\", 128, true)).isEqualTo("curl/8 %22x%22 %5C");
        assertThat(AccessLine.safe("a b", 128, false)).isEqualTo("a%20b");
    }

    @Test
    void nonAsciiBecomesItsUtf8Bytes() {
        assertThat(AccessLine.safe("é😀", 64, true)).isEqualTo("%C3%A9%F0%9F%98%80");
    }

    @Test
    void aLongValueIsCutAndNoneIsADash() {
        assertThat(AccessLine.safe("a".repeat(600), 512, false)).hasSize(512);
        assertThat(AccessLine.safe("\n".repeat(600), 512, false)).hasSize(512);
        assertThat(AccessLine.safe(null, 16, false)).isEqualTo("-");
    }
}
