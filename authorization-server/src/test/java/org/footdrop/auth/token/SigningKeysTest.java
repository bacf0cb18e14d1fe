package org.footdrop.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void shouldGenerateAFresh2048BitRs256SigningKeyEachTimeWithoutAKeyDirectory() {
        // when
        RSAKey first = SigningKeys.generate();
        RSAKey second = SigningKeys.generate();

        // then
        assertThat(first.size()).isEqualTo(2048);
        assertThat(first.isPrivate()).isTrue();
        assertThat(first.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(first.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(first.getKeyID()).isNotBlank().isNotEqualTo(second.getKeyID());
    }

    @Test
    void shouldReadBackTheSameKeyOnTheNextStartAndKeepTheFileOwnerOnly() throws Exception {
        // given
        Path keyDir = dir.resolve("auth");

        // when
        RSAKey created = SigningKeys.loadOrCreate(keyDir);
        RSAKey readBack = SigningKeys.loadOrCreate(keyDir);

        // then
        assertThat(readBack).isEqualTo(created);
        assertThat(readBack.isPrivate()).isTrue();
        Path file = keyDir.resolve(SigningKeys.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        try (var files = Files.list(keyDir)) {
            assertThat(files).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void shouldRefuseAnUnreadableOrPublicOnlyKeyRatherThanReplaceIt() throws Exception {
        // given
        Path garbled = Files.createDirectories(dir.resolve("garbled"));
        Files.writeString(garbled.resolve(SigningKeys.FILE_NAME), "{not json");
        Path publicOnly = Files.createDirectories(dir.resolve("public"));
        Files.writeString(
                publicOnly.resolve(SigningKeys.FILE_NAME),
                SigningKeys.generate().toPublicJWK().toJSONString());

        // when / then
        assertThatThrownBy(() -> SigningKeys.loadOrCreate(garbled)).hasMessageContaining("not a JSON Web Key");
        assertThatThrownBy(() -> SigningKeys.loadOrCreate(publicOnly)).hasMessageContaining("private RSA key");
        assertThat(Files.readString(garbled.resolve(SigningKeys.FILE_NAME))).isEqualTo("{not json");
    }
}
