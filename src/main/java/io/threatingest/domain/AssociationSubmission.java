package io.threatingest.domain;

/** A nested entity and how it relates to its parent ({@code null} or empty mode means association). */
public record AssociationSubmission(String mode, EntitySubmission entity) {
}
