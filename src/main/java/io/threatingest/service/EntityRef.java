package io.threatingest.service;

import io.threatingest.domain.value.RawValue;

/** An entity named by type and value instead of by ID. */
public record EntityRef(String type, RawValue value) {
}
