package dev.modelarts.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonFactory;

class JsonBodyTextTest {

    private static final JsonFactory JSON = JsonMapperProvider.createMapper().getFactory();

    private static Optional<JsonBodyText.Problem> check(byte[] body) {
        return JsonBodyText.check(body, JSON);
    }

    private static byte[] bytes(String prefix, int[] raw, String suffix) {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] tail = suffix.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + raw.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        for (int i = 0; i < raw.length; i++) {
            all[head.length + i] = (byte) raw[i];
        }
        System.arraycopy(tail, 0, all, head.length + raw.length, tail.length);
        return all;
    }

    @Test
    void anOverlongSlashIsNamedByItsField() {
        Optional<JsonBodyText.Problem> problem = check(bytes("{\"swr_path\":\"s\",\"description\":\"a", new int[] {0xC0, 0xAF}, "b\"}"));
        assertThat(problem).hasValueSatisfying(p -> assertThat(p.message()).isEqualTo("'description' is not valid UTF-8"));
    }

    @Test
    void anEncodedSurrogateIsRefused() {
        assertThat(check(bytes("{\"read_me\":\"", new int[] {0xED, 0xA0, 0x80}, "\"}")))
                .hasValueSatisfying(p -> assertThat(p.field()).isEqualTo("read_me"));
    }

    @Test
    void anInvalidByteInsideAnArrayNamesTheElement() {
        assertThat(check(bytes("{\"tags\":[{\"key\":\"k\",\"value\":\"", new int[] {0xFF}, "\"}]}")))
                .hasValueSatisfying(p -> assertThat(p.field()).isEqualTo("tags[0].value"));
    }

    @Test
    void escapedNulAndLoneSurrogatesAreRefused() {
        assertThat(check("{\"description\":\"a\\u0000b\"}".getBytes(StandardCharsets.UTF_8)))
                .hasValueSatisfying(p -> assertThat(p.message()).contains("U+0000"));
        assertThat(check("{\"description\":\"a\\udc00b\"}".getBytes(StandardCharsets.UTF_8)))
                .hasValueSatisfying(p -> assertThat(p.message()).contains("unpaired surrogate"));
    }

    @Test
    void validTextPassesAndSoDoesAPairedSurrogate() {
        assertThat(check("{\"description\":\"中文 \\ud83d\\ude00 😀\"}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void deepNestingIsRefusedWithTheLimit() {
        String deep = "[".repeat(JsonMapperProvider.MAX_NESTING_DEPTH + 1) + "]".repeat(JsonMapperProvider.MAX_NESTING_DEPTH + 1);
        assertThat(check(deep.getBytes(StandardCharsets.UTF_8)))
                .hasValueSatisfying(p -> assertThat(p.message()).contains("deeper than " + JsonMapperProvider.MAX_NESTING_DEPTH));
    }

    @Test
    void bodiesThatAreNotJsonAreLeftToTheMapper() {
        assertThat(check("{\"a\": ".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(check(new byte[0])).isEmpty();
    }

    @Test
    void aFieldNameThatIsNoIdentifierIsNotEchoed() {
        assertThat(check(bytes("{\"java.lang.Exception\":\"", new int[] {0xFF}, "\"}")))
                .hasValueSatisfying(p -> assertThat(p.message()).isEqualTo("the request body is not valid UTF-8"));
    }
}
