package org.footdrop.intake.security;

import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.OperatorInjectionContract;

@EmbeddedInfrastructure
class IntakeOperatorInjectionTest extends OperatorInjectionContract {}
