package org.footdrop.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.footdrop.contract.treatment.TherapySession;
import org.footdrop.contract.treatment.TherapySessionLogged;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each event type says which record it is about and whether it voids it; the others carry its state. */
class EventTypeTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldCarryTheRecordsStateUnlessItVoidsIt(EventType type) {
        boolean carriesState = StatePayload.class.isAssignableFrom(type.payloadType());

        assertThat(carriesState).isEqualTo(!type.voidsRecord());
        assertThat(type.voidsRecord()).isEqualTo(type.name().endsWith("_VOIDED"));
        assertThat(type.name()).startsWith(type.recordType().name());
    }

    @org.junit.jupiter.api.Test
    void shouldLetATherapySessionLogVoidItsSessionInItsPayload() {
        var session = new TherapySession(LocalDate.parse("2026-03-02"), true);

        assertThat(new TherapySessionLogged(UUID.randomUUID(), 2, UUID.randomUUID(), session, true).voidsRecord())
                .isTrue();
        assertThat(new TherapySessionLogged(UUID.randomUUID(), 1, UUID.randomUUID(), session, false).voidsRecord())
                .isFalse();
    }
}
