package org.footdrop.treatment.injection;

import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.RecordApi;
import org.footdrop.support.testing.RecordLifecycleContract;
import org.footdrop.treatment.TreatmentBodies;

@EmbeddedInfrastructure
class InjectionLifecycleTest extends RecordLifecycleContract {

    @Override
    protected RecordApi api() {
        return TreatmentBodies.INJECTIONS;
    }
}
