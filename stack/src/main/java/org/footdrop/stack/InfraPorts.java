package org.footdrop.stack;

/** Where the in-process infrastructure listens; tests use free ports, the launcher the fixed ones. */
public record InfraPorts(int kafka, int kafkaController, int mongo) {

    /** The ports every doc, compose file and service default agrees on (docs/operating.md, "Ports"). */
    public static InfraPorts standard() {
        return new InfraPorts(9092, 9093, 27017);
    }

    public String kafkaBootstrap() {
        return "localhost:" + kafka;
    }

    public String mongoUri() {
        return "mongodb://localhost:" + mongo;
    }
}
