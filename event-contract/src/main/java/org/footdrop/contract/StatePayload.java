package org.footdrop.contract;

/**
 * A payload that carries its record's whole clinical state: a record or an amendment (not a void).
 * The sealed families are {@code IntakeState} and {@code TreatmentState}, one per producing
 * service's package (sealing across packages would need a named module).
 *
 * @param <S> the record's state, e.g. {@code Injection}
 */
public interface StatePayload<S> extends EventPayload {

    S state();
}
