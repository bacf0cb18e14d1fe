package org.footdrop.outcomes;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Owns nothing but read models: consumes every clinical event and builds per-patient projections. */
@SpringBootApplication
public class OutcomesApplication {

    public static void main(String[] args) {
        SpringApplication.run(OutcomesApplication.class, args);
    }
}
