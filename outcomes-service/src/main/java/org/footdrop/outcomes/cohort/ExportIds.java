package org.footdrop.outcomes.cohort;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Export row ids: an HMAC of the patientId under a secret key, so rows can be paged and joined
 * across exports without the patientId ever leaving the service. Configure
 * {@code footdrop.export.key} (the same on every instance); without it a random key is drawn at
 * start, and ids change on every restart.
 */
@Component
class ExportIds {

    private static final Logger log = LoggerFactory.getLogger(ExportIds.class);
    /** One generator per JVM: seeding a new one for each key would be wasteful, not more random. */
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    ExportIds(@Value("${footdrop.export.key:}") String configured) {
        byte[] secret;
        if (configured.isBlank()) {
            secret = new byte[32];
            RANDOM.nextBytes(secret);
            log.warn("footdrop.export.key is not set: export row ids will change when this instance restarts");
        } else {
            secret = configured.getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    String of(String patientId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(patientId.getBytes(StandardCharsets.UTF_8)), 0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
