package org.footdrop.support.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway CA and a server certificate for localhost (and 127.0.0.1) signed by it, made at test
 * time with the JDK's keytool, once per JVM. The PEM files carry the names deploy/tls/make-dev-certs.sh
 * gives them (tls.crt, tls.key, tls.pem, ca.crt), so a test can point the compose override's
 * variables at this directory unchanged.
 */
public final class TestCertificates {

    private static final char[] PASSWORD = "test-only".toCharArray();
    private static TestCertificates shared;

    private final Path dir;
    private final KeyStore serverKeyStore;
    private final Certificate ca;

    private TestCertificates(Path dir, KeyStore serverKeyStore, Certificate ca) {
        this.dir = dir;
        this.serverKeyStore = serverKeyStore;
        this.ca = ca;
    }

    public static synchronized TestCertificates shared() {
        if (shared == null) {
            shared = generate();
        }
        return shared;
    }

    /** The directory holding tls.crt, tls.key, tls.pem and ca.crt. */
    public Path dir() {
        return dir;
    }

    public Path caCertificate() {
        return dir.resolve("ca.crt");
    }

    /** A client context that trusts this CA and nothing else. */
    public SSLContext trustingOnlyTheCa() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca);
            return context(null, trust);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client context with an empty trust store: every server certificate is refused. */
    public static SSLContext trustingNothing() {
        try {
            KeyStore empty = KeyStore.getInstance("PKCS12");
            empty.load(null, null);
            return context(null, empty);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server context presenting the localhost certificate, for the test's own TLS endpoints. */
    public SSLContext serverContext() {
        return context(serverKeyStore, null);
    }

    private static SSLContext context(KeyStore keys, KeyStore trust) {
        try {
            KeyManagerFactory keyManagers = null;
            if (keys != null) {
                keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keyManagers.init(keys, PASSWORD);
            }
            TrustManagerFactory trustManagers = null;
            if (trust != null) {
                trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trustManagers.init(trust);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(
                    keyManagers == null ? null : keyManagers.getKeyManagers(),
                    trustManagers == null ? null : trustManagers.getTrustManagers(),
                    null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestCertificates generate() {
        try {
            Path dir = Files.createTempDirectory("footdrop-tls-");
            dir.toFile().deleteOnExit();
            String password = new String(PASSWORD);
            keytool(
                    dir,
                    "-genkeypair",
                    "-alias",
                    "ca",
                    "-keyalg",
                    "RSA",
                    "-keysize",
                    "2048",
                    "-dname",
                    "CN=Foot Drop Outcomes test CA",
                    "-ext",
                    "bc:c",
                    "-validity",
                    "2",
                    "-keystore",
                    "ca.p12",
                    "-storetype",
                    "PKCS12",
                    "-storepass",
                    password);
            keytool(
                    dir,
                    "-genkeypair",
                    "-alias",
                    "server",
                    "-keyalg",
                    "RSA",
                    "-keysize",
                    "2048",
                    "-dname",
                    "CN=localhost",
                    "-validity",
                    "2",
                    "-keystore",
                    "server.p12",
                    "-storetype",
                    "PKCS12",
                    "-storepass",
                    password);
            keytool(
                    dir,
                    "-certreq",
                    "-alias",
                    "server",
                    "-keystore",
                    "server.p12",
                    "-storepass",
                    password,
                    "-file",
                    "server.csr");
            keytool(
                    dir,
                    "-gencert",
                    "-alias",
                    "ca",
                    "-keystore",
                    "ca.p12",
                    "-storepass",
                    password,
                    "-infile",
                    "server.csr",
                    "-outfile",
                    "tls.crt",
                    "-rfc",
                    "-validity",
                    "2",
                    "-ext",
                    "SAN=dns:localhost,ip:127.0.0.1",
                    "-ext",
                    "KU=digitalSignature,keyEncipherment",
                    "-ext",
                    "EKU=serverAuth,clientAuth");
            keytool(
                    dir,
                    "-exportcert",
                    "-alias",
                    "ca",
                    "-keystore",
                    "ca.p12",
                    "-storepass",
                    password,
                    "-rfc",
                    "-file",
                    "ca.crt");

            KeyStore generated = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
                generated.load(in, PASSWORD);
            }
            PrivateKey key = (PrivateKey) generated.getKey("server", PASSWORD);
            Certificate leaf = certificates(dir.resolve("tls.crt")).get(0);
            Certificate ca = certificates(dir.resolve("ca.crt")).get(0);

            // keytool cannot write a private key as PEM; the JDK encodes RSA private keys as PKCS#8.
            String keyPem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(key.getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Files.writeString(dir.resolve("tls.key"), keyPem);
            Files.writeString(dir.resolve("tls.pem"), keyPem + Files.readString(dir.resolve("tls.crt")));

            KeyStore server = KeyStore.getInstance("PKCS12");
            server.load(null, null);
            server.setKeyEntry("server", key, PASSWORD, new Certificate[] {leaf, ca});
            for (String scratch : List.of("ca.p12", "server.p12", "server.csr")) {
                Files.delete(dir.resolve(scratch));
            }
            for (String file : List.of("tls.crt", "tls.key", "tls.pem", "ca.crt")) {
                dir.resolve(file).toFile().deleteOnExit();
            }
            return new TestCertificates(dir, server, ca);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Certificate> certificates(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            return new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
        }
    }

    private static void keytool(Path dir, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
