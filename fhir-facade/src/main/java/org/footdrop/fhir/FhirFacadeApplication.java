package org.footdrop.fhir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A FHIR R4 door onto the clinical records: HAPI FHIR's plain server, writing through intake- and
 * treatment-service's APIs with the caller's token (docs/fhir.md).
 */
@SpringBootApplication
public class FhirFacadeApplication {

    public static void main(String[] args) {
        SpringApplication.run(FhirFacadeApplication.class, args);
    }
}
