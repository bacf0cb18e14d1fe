package org.footdrop.fhir.server;

/** A HAPI interceptor (its {@code @Hook} methods) of a feature, registered with the server. */
public interface FacadeInterceptor {}
