/**
 * What the intake formats (STIX 2.1, MISP, free text) share: a document becomes a {@link Conversion}, one
 * {@link SourceObject} per object of the document, each either mapped to entity trees (the same
 * {@code EntitySubmission}s {@code POST /entity} builds) or reported as not mapped with the reason. Plain Java:
 * no framework imports.
 */
package io.threatingest.intake;
