package org.footdrop.intake.openapi;

import org.footdrop.support.testing.CommittedOpenApiContract;
import org.footdrop.support.testing.EmbeddedInfrastructure;

@EmbeddedInfrastructure
class CommittedOpenApiTest extends CommittedOpenApiContract {}
