package org.footdrop.support.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of a void: why the record was entered in error. Free text: kept here, never published. */
public record VoidRequest(@NotBlank @Size(max = 500) String reason) {}
