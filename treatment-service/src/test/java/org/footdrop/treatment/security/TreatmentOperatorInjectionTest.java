package org.footdrop.treatment.security;

import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.OperatorInjectionContract;

@EmbeddedInfrastructure
class TreatmentOperatorInjectionTest extends OperatorInjectionContract {}
