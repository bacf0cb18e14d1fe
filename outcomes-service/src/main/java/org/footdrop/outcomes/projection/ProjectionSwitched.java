package org.footdrop.outcomes.projection;

/**
 * Queries now read {@code collection}: another instance finished a rebuild and switched to it. What this
 * instance keeps in memory from the old collection must be read again.
 */
public record ProjectionSwitched(String collection) {}
