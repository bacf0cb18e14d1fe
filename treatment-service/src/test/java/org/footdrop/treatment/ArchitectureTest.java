package org.footdrop.treatment;

import org.footdrop.support.testing.ServiceArchitectureContract;

/** The same rules as intake-service's: both own clinical records and publish through the outbox. */
class ArchitectureTest extends ServiceArchitectureContract {

    @Override
    protected String rootPackage() {
        return "org.footdrop.treatment";
    }
}
