package io.threatingest.screening;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.Wellness;
import io.threatingest.domain.screening.ScreeningIndex;

/**
 * The screening lists in force, at {@code /q/health/well} (and {@code /q/health}): one entry per list, its key
 * mapped to {@code version <version>, <entries> entries, <action>}. Always UP: a list that does not parse is
 * refused and the previous version stays in force, which the log says.
 */
@Wellness
@ApplicationScoped
public class ScreeningHealth implements HealthCheck {

    private final ScreeningLists lists;

    public ScreeningHealth(ScreeningLists lists) {
        this.lists = lists;
    }

    @Override
    public HealthCheckResponse call() {
        ScreeningLists.Snapshot snapshot = lists.current();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("screening").up()
                .withData("lists", snapshot.index().lists().size())
                .withData("entries", snapshot.index().entries());
        if (snapshot.loadedAt() > 0) {
            response.withData("loadedAt", Instant.ofEpochMilli(snapshot.loadedAt()).toString())
                    .withData("loadMillis", snapshot.loadMillis());
        }
        for (int i = 0; i < snapshot.index().lists().size(); i++) {
            ScreeningIndex.ListInfo list = snapshot.index().lists().get(i);
            response.withData("list:" + list.key(), "version " + list.version() + ", " + list.entries()
                    + " entries, " + snapshot.actions()[i].wireName());
        }
        return response.build();
    }
}
