package org.footdrop.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Registers the shared problem handler in every service, before Boot's own problem-details
 * handler would (that one steps back when a ResponseEntityExceptionHandler exists).
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@Import(ClinicalProblemHandler.class)
public class WebSupportConfiguration {
}
