package org.footdrop.intake;

import org.footdrop.support.testing.ServiceArchitectureContract;

class ArchitectureTest extends ServiceArchitectureContract {

    @Override
    protected String rootPackage() {
        return "org.footdrop.intake";
    }
}
