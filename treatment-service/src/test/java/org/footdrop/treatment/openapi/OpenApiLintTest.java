package org.footdrop.treatment.openapi;

import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.OpenApiLintContract;

@EmbeddedInfrastructure
class OpenApiLintTest extends OpenApiLintContract {}
