package dev.modelarts.local.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The known-answer vectors of the official Java SDK's signer test (TestAKSKSigner at 3.1.180,
 * docs/api-reference.md §6.3): AK "AccessKey", SK "SecretKey", X-Sdk-Date 20191115T033655Z, Content-Type JSON
 * and an underscore header, neither of them signed.
 */
class SdkHmacSha256Test {

    private static final String DATE = "20191115T033655Z";
    private static final String SK = "SecretKey";
    private static final List<String> SIGNED = List.of("host", "x-sdk-date");

    private static Map<String, String> headers(String host) {
        return Map.of("host", host, "x-sdk-date", DATE, "content-type", "application/json",
                "x_underscore_header", "ignored");
    }

    @Test
    void getWithAQuery() {
        var request = new SdkHmacSha256.Request("GET", "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
                "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0", headers("service.region.example.com"), SIGNED,
                SdkHmacSha256.EMPTY_BODY_SHA256);
        assertThat(SdkHmacSha256.signature(request, DATE, SK))
                .isEqualTo("fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d");
    }

    @Test
    void postWithABody() {
        byte[] body = "{\"key\":\"value\"}".getBytes(StandardCharsets.UTF_8);
        var request = new SdkHmacSha256.Request("POST", "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123", null,
                headers("service.region.example.com"), SIGNED, SdkHmacSha256.sha256Hex(body));
        assertThat(SdkHmacSha256.signature(request, DATE, SK))
                .isEqualTo("b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771");
    }

    @Test
    void getWithoutAPathAndAnExplicitHost() {
        var request = new SdkHmacSha256.Request("GET", "", null, headers("example.com"), SIGNED,
                SdkHmacSha256.EMPTY_BODY_SHA256);
        assertThat(SdkHmacSha256.signature(request, DATE, SK))
                .isEqualTo("919ad8b75d4ad49da0d377e63ee21c4a7a54b752f6bf2878b4adbe9c19927da6");
    }

    @Test
    void canonicalUriEndsWithASlash() {
        assertThat(SdkHmacSha256.canonicalUri("/v1/p/images")).isEqualTo("/v1/p/images/");
        assertThat(SdkHmacSha256.canonicalUri("/v1/p/images/")).isEqualTo("/v1/p/images/");
        assertThat(SdkHmacSha256.canonicalUri("/")).isEqualTo("/");
        assertThat(SdkHmacSha256.canonicalUri("")).isEqualTo("/");
        assertThat(SdkHmacSha256.canonicalUri("/a b/c*d")).isEqualTo("/a%20b/c%2Ad/");
    }

    @Test
    void canonicalQueryIsDecodedReEncodedAndSortedByKey() {
        assertThat(SdkHmacSha256.canonicalQuery("name=a%25b&limit=2&flag&b=x%2Ey&b=1"))
                .isEqualTo("b=x.y&b=1&flag=&limit=2&name=a%25b");
        assertThat(SdkHmacSha256.canonicalQuery("q=%7E%20*+")).isEqualTo("q=~%20%2A%2B");
        assertThat(SdkHmacSha256.canonicalQuery(null)).isEmpty();
    }

    @Test
    void encodingLeavesOnlyTheUnreservedCharacters() {
        assertThat(SdkHmacSha256.encode("aZ09-_.~ /*:%é")).isEqualTo("aZ09-_.~%20%2F%2A%3A%25%C3%A9");
    }
}
