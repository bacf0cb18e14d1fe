package org.footdrop.intake.lifecycle;

import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.RecordApi;
import org.footdrop.support.testing.RecordLifecycleContract;

@EmbeddedInfrastructure
class AssessmentLifecycleTest extends RecordLifecycleContract {

    @Override
    protected RecordApi api() {
        return IntakeRecordApis.ASSESSMENTS;
    }
}
