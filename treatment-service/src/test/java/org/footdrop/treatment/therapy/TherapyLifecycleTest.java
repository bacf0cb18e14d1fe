package org.footdrop.treatment.therapy;

import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.RecordApi;
import org.footdrop.support.testing.RecordLifecycleContract;
import org.footdrop.treatment.TreatmentBodies;

@EmbeddedInfrastructure
class TherapyLifecycleTest extends RecordLifecycleContract {

    @Override
    protected RecordApi api() {
        return TreatmentBodies.THERAPIES;
    }
}
