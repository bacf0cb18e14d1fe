package org.footdrop.outcomes.security;

import java.util.Map;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.OperatorInjectionContract;

@EmbeddedInfrastructure
class OutcomesOperatorInjectionTest extends OperatorInjectionContract {

    @Override
    protected Map<String, String> validQueries() {
        return Map.of(
                "/api/v1/cohorts/outcomes", "measure=lefs&window=WEEK_6",
                "/api/v1/cohorts/time-to-response", "measure=lefs");
    }
}
