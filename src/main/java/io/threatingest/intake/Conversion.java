package io.threatingest.intake;

import java.util.List;

/** A whole document converted: every object it holds, in document order, none left out. */
public record Conversion(List<SourceObject> objects) {

    public Conversion {
        objects = List.copyOf(objects);
    }

    public int treeCount() {
        return objects.stream().mapToInt(object -> object.trees().size()).sum();
    }
}
