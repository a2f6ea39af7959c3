package io.threatingest.domain;

import io.threatingest.domain.value.FqdnNormaliser;
import io.threatingest.domain.value.InvalidValueException;
import io.threatingest.domain.value.IpNormaliser;
import io.threatingest.domain.value.RawValue;

/**
 * What a scan is about: a public IP (the {@code IP} data type's rules) or a domain name (the {@code FQDN}
 * rules), normalised, so that the same target written differently is the same task.
 *
 * @param kind {@code ip} or {@code fqdn}
 */
public record ScanTarget(String value, String kind) {

    public static ScanTarget of(String raw, String pointer) {
        if (raw == null) {
            throw new SubmissionException(pointer, "target is required");
        }
        RawValue text = RawValue.text(raw);
        try {
            return new ScanTarget(IpNormaliser.INSTANCE.normalise(text).text(), "ip");
        } catch (InvalidValueException notAnIp) {
            if (!notAnIp.getMessage().startsWith("invalid IP")) {
                throw new SubmissionException(pointer, "IP", notAnIp.getMessage());
            }
        }
        try {
            return new ScanTarget(FqdnNormaliser.INSTANCE.normalise(text).text(), "fqdn");
        } catch (InvalidValueException e) {
            throw new SubmissionException(pointer, "target must be a public IP address or a domain name: " + raw);
        }
    }
}
