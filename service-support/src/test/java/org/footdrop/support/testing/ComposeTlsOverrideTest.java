package org.footdrop.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The override's environment reaches a test as compose would set it with nothing exported. */
class ComposeTlsOverrideTest {

    @Test
    void shouldTakeEachVariablesDefaultAsComposeDoesWithNothingExported() {
        assertThat(ComposeTlsOverride.interpolated("${FOOTDROP_AUTH_ISSUER:-https://localhost:9000}"))
                .isEqualTo("https://localhost:9000");
        assertThat(ComposeTlsOverride.interpolated("${A-x}/${B}/${C:-}")).isEqualTo("x//");
        assertThat(ComposeTlsOverride.interpolated("plain $$HOME")).isEqualTo("plain $HOME");
    }

    @Test
    void shouldGiveTheServicesTheBrowserFacingIssuerNotAPlaceholder() {
        assertThat(ComposeTlsOverride.environment("intake-service"))
                .containsEntry("FOOTDROP_AUTH_ISSUER", "https://localhost:9000")
                .allSatisfy((name, value) -> assertThat(value).doesNotContain("${"));
    }
}
