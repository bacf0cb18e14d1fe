package org.footdrop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JvmFlagsTest {

    @Test
    void shouldReadAnArgfileAsTheJavaLauncherDoes() {
        assertThat(JvmFlags.parseArgfile("# why\n-Xmx64m  # trailing\n\n-XX:+UseG1GC -Xss1m\n"))
                .containsExactly("-Xmx64m", "-XX:+UseG1GC", "-Xss1m");
    }

    @Test
    void shouldGiveTheBrokerAndStoreJvmG1AndHalfAGibibyte() {
        assertThat(JvmFlags.infrastructure())
                .contains("-XX:+UseG1GC", "-Xmx512m")
                .allMatch(f -> f.startsWith("-X"));
    }

    @Test
    void shouldGiveEachServiceItsOwnHeapCapAndTheSerialGc() {
        assertThat(JvmFlags.service(LocalAuthorizationServer.SPEC)).contains("-XX:+UseSerialGC", "-Xmx96m");
    }
}
