package org.footdrop.intake.openapi;

import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.OpenApiLintContract;

@EmbeddedInfrastructure
class OpenApiLintTest extends OpenApiLintContract {}
