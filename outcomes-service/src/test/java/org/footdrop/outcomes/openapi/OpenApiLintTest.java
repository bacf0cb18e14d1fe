package org.footdrop.outcomes.openapi;

import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.OpenApiLintContract;

@EmbeddedInfrastructure
class OpenApiLintTest extends OpenApiLintContract {}
