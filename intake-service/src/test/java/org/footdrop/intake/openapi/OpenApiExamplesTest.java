package org.footdrop.intake.openapi;

import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.OpenApiExamplesContract;

@EmbeddedInfrastructure
class OpenApiExamplesTest extends OpenApiExamplesContract {}
