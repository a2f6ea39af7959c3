package io.threatingest.domain.screening;

import java.util.List;
import java.util.Set;

import io.threatingest.domain.DataType;

/**
 * One list in the MISP warninglist format, with its MISP attribute types translated to this service's data types.
 *
 * @param key the list's name in settings, metrics and answers (its file name without {@code .json})
 * @param version the list's {@code version}, as written
 * @param dataTypes the data types whose values it is matched against; {@code null}: every data type
 * @param entries the entries as written in the file
 */
public record WarningList(String key, String name, String version, String description, ListType type,
        String category, Set<DataType> dataTypes, List<String> entries) {

    public WarningList {
        dataTypes = dataTypes == null ? null : Set.copyOf(dataTypes);
        entries = List.copyOf(entries);
    }

    public boolean appliesTo(DataType dataType) {
        return dataTypes == null || dataTypes.contains(dataType);
    }
}
