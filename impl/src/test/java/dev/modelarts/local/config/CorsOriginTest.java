package dev.modelarts.local.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CorsOriginTest {

    @ParameterizedTest
    @CsvSource({
        "http://localhost:3000, http://localhost:3000",
        "http://localhost:3000/, http://localhost:3000",
        "HTTP://LocalHost:3000, http://localhost:3000",
        "https://console.example:443, https://console.example",
        "http://console.example:80/, http://console.example",
        "https://console.example:8443, https://console.example:8443",
        "*, *",
    })
    void anOriginIsWrittenAsBrowsersSendIt(String typed, String sent) {
        assertThat(CorsOrigin.normalize(typed)).isEqualTo(sent);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "localhost:3000            | did you mean http://localhost:3000?",
        "console.example           | did you mean http://console.example?",
        "http://localhost:3000/app | did you mean http://localhost:3000?",
        "http://localhost:3000/?x=1| did you mean http://localhost:3000?",
        "ftp://files.example       | scheme://host[:port]",
        "http://                   | scheme://host[:port]",
    })
    void whatIsNotAnOriginIsRefusedWithTheFormAndAGuess(String typed, String said) {
        assertThatThrownBy(() -> CorsOrigin.normalize(typed.strip()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an origin").hasMessageContaining(said.strip());
    }
}
