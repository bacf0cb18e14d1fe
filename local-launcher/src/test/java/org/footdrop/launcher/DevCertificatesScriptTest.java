package org.footdrop.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.network.ConnectionMode;
import org.apache.kafka.common.security.ssl.SslFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/tls/make-dev-certs.sh, run for real into a temporary directory (FOOTDROP_TLS_DIR): one
 * certificate per compose host, signed by the CA and naming the host, whose key Kafka's PEM keystore
 * accepts; and a second run changes nothing. Skipped where bash or openssl is missing.
 */
class DevCertificatesScriptTest {

    private static final List<String> HOSTS = List.of(
            "kafka",
            "mongodb",
            "authorization-server",
            "intake-service",
            "treatment-service",
            "outcomes-service",
            "fhir-facade",
            "web-app");

    @TempDir
    static Path out;

    private static Path script;
    private static String firstRun;

    @BeforeAll
    static void runTheScript() throws Exception {
        assumeTrue(onPath("bash") && onPath("openssl"), "make-dev-certs.sh needs bash and openssl");
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("deploy/tls/make-dev-certs.sh"))) {
            dir = dir.getParent();
        }
        assertThat(dir).isNotNull();
        script = dir.resolve("deploy/tls/make-dev-certs.sh");
        firstRun = run();
    }

    @Test
    void shouldIssueEveryHostACertificateForItsNameSignedByTheCa() throws Exception {
        // given
        X509Certificate ca = certificate(out.resolve("ca/ca.crt"));

        for (String host : HOSTS) {
            // when
            X509Certificate certificate = certificate(out.resolve(host).resolve("tls.crt"));

            // then
            certificate.verify(ca.getPublicKey());
            certificate.checkValidity();
            assertThat(certificate.getSubjectAlternativeNames())
                    .extracting(name -> String.valueOf(name.get(1)))
                    .as(host)
                    .contains(host, "localhost", "127.0.0.1");
            assertThat(certificate.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
            assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
            assertThat(Files.readString(out.resolve(host).resolve("ca.crt")))
                    .isEqualTo(Files.readString(out.resolve("ca/ca.crt")));
            // the key is the certificate's, and tls.pem holds both
            byte[] challenge = host.getBytes(StandardCharsets.UTF_8);
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(privateKey(out.resolve(host).resolve("tls.key")));
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            assertThat(verifier.verify(signature)).as(host).isTrue();
            assertThat(Files.readString(out.resolve(host).resolve("tls.pem")))
                    .isEqualTo(Files.readString(out.resolve(host).resolve("tls.key"))
                            + Files.readString(out.resolve(host).resolve("tls.crt")));
        }
        assertThat(Files.readString(out.resolve("trust/ca.crt"))).isEqualTo(Files.readString(out.resolve("ca/ca.crt")));
    }

    @Test
    void shouldGiveKafkaAPemKeystoreItAccepts() {
        // given the broker's settings from docker-compose.tls.yml, with the script's files
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("ssl.keystore.type", "PEM");
        settings.put("ssl.keystore.location", out.resolve("kafka/tls.pem").toString());
        settings.put("ssl.truststore.type", "PEM");
        settings.put("ssl.truststore.location", out.resolve("kafka/ca.crt").toString());
        Map<String, ?> config = new AbstractConfig(new ConfigDef().withClientSslSupport(), settings).values();

        // when
        try (SslFactory server = new SslFactory(ConnectionMode.SERVER)) {
            server.configure(config);

            // then
            assertThat(server.createSslEngine("kafka", 9092).getUseClientMode()).isFalse();
        }
    }

    @Test
    void shouldKeepEverythingOnASecondRun() throws Exception {
        // given
        Map<Path, byte[]> before = contents();

        // when
        String secondRun = run();

        // then
        assertThat(firstRun).contains("issued");
        assertThat(secondRun).doesNotContain("issued").contains("kept");
        Map<Path, byte[]> after = contents();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach(
                (file, bytes) -> assertThat(after.get(file)).as(file.toString()).isEqualTo(bytes));
    }

    @Test
    void shouldKeepTheCaKeyToItsOwner() throws IOException {
        assumeTrue(out.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Set<PosixFilePermission> ownerOnlyDir = PosixFilePermissions.fromString("rwx------");
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(ownerOnlyDir);
        assertThat(Files.getPosixFilePermissions(out.resolve("ca"))).isEqualTo(ownerOnlyDir);
        assertThat(Files.getPosixFilePermissions(out.resolve("ca/ca.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(file -> !file.startsWith(out.resolve("ca")))
                            .map(file -> file.getFileName().toString()))
                    .doesNotContain("ca.key");
        }
    }

    private static String run() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        builder.environment().put("FOOTDROP_TLS_DIR", out.toAbsolutePath().toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static Map<Path, byte[]> contents() throws IOException {
        Map<Path, byte[]> contents = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                contents.put(out.relativize(file), Files.readAllBytes(file));
            }
        }
        return contents;
    }

    private static X509Certificate certificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static PrivateKey privateKey(Path pem) throws Exception {
        String text = Files.readString(pem);
        assertThat(text).startsWith("-----BEGIN PRIVATE KEY-----");
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
