package org.footdrop.support.web;

/** One bad field of a request: its JSON path and why it was rejected. */
public record FieldProblem(String field, String reason) {}
