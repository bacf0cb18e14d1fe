package org.footdrop.fhir.server;

/** A provider of server-level operations (not of one resource type), such as the batch. */
public interface SystemProvider {}
