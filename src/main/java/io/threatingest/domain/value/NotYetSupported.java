package io.threatingest.domain.value;

import io.threatingest.domain.InvalidValueException;
import io.threatingest.domain.NormalisedValue;
import io.threatingest.domain.RawValue;

/** Stands in for a data type whose reference-exact rule is not implemented yet: every value is refused. */
final class NotYetSupported implements Normaliser {

    private final String dataType;

    NotYetSupported(String dataType) {
        this.dataType = dataType;
    }

    @Override
    public NormalisedValue normalise(RawValue raw) throws InvalidValueException {
        throw new InvalidValueException("values of data type " + dataType + " are not supported yet");
    }
}
