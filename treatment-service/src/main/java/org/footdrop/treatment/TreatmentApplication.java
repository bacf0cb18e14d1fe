package org.footdrop.treatment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Owns injections and adjunct therapies and publishes them on {@code treatment.events.v1}. Boots
 * with the intake conventions (outbox, problem+json, health, metrics); its API comes next.
 */
@SpringBootApplication
public class TreatmentApplication {

    public static void main(String[] args) {
        SpringApplication.run(TreatmentApplication.class, args);
    }
}
