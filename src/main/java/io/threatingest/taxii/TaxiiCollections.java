package io.threatingest.taxii;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.threatingest.config.IngestConfig;

/**
 * The collections configured by the operator ({@code ingest.taxii.collections.<id>.*}), checked at start: the
 * service does not start with a collection id that is not a UUID, an API root segment that is not one path
 * segment, or a blank tag or group.
 */
@ApplicationScoped
public class TaxiiCollections {

    private static final Pattern UUID = Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+");

    /** One collection: objects added to it get its tags, and its groups when they name none. */
    public record Collection(String id, String title, String description, List<String> tags,
            List<String> visibleBy) {
    }

    private final TreeMap<String, Collection> byId = new TreeMap<>();

    public TaxiiCollections(IngestConfig config) {
        String root = config.taxii().apiRoot();
        if (!SEGMENT.matcher(root).matches() || root.equals(".") || root.equals("..")) {
            throw new IllegalStateException("ingest.taxii.api-root must be one URL path segment (letters, digits, "
                    + ". _ ~ -), not \"" + root + "\"");
        }
        List<String> problems = new ArrayList<>();
        config.taxii().collections().forEach((id, settings) -> {
            String at = "ingest.taxii.collections.\"" + id + "\"";
            if (!UUID.matcher(id).matches()) {
                problems.add(at + ": a collection id must be a UUID (8-4-4-4-12 hexadecimal digits)");
            }
            List<String> tags = settings.tags().orElse(List.of());
            List<String> groups = settings.visibleBy().orElse(null);
            if (tags.stream().anyMatch(String::isBlank)) {
                problems.add(at + ".tags: blank tag");
            }
            if (groups != null && groups.stream().anyMatch(String::isBlank)) {
                problems.add(at + ".visible-by: blank group");
            }
            byId.put(id, new Collection(id, settings.title(), settings.description().orElse(null), tags, groups));
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid TAXII collections: " + String.join("; ", problems));
        }
    }

    /** Checked at start, not on the first TAXII request. */
    void check(@Observes StartupEvent event) {
        byId.size();
    }

    public Optional<Collection> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every collection, ordered by id. */
    public List<Collection> all() {
        return List.copyOf(byId.values());
    }
}
