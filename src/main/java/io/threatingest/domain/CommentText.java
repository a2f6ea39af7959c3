package io.threatingest.domain;

import io.threatingest.domain.value.InvalidValueException;
import io.threatingest.domain.value.RawValue;
import io.threatingest.domain.value.TextNormaliser;

/** Comment text: the free-text rules (64 KiB, control characters mapped to spaces, not empty), case kept. */
public final class CommentText {

    private CommentText() {
    }

    public static String normalise(String text, String pointer) {
        if (text == null) {
            throw new SubmissionException(pointer, "comment is required");
        }
        try {
            return TextNormaliser.map(RawValue.replaceLoneSurrogates(text));
        } catch (InvalidValueException e) {
            throw new SubmissionException(pointer, e.getMessage());
        }
    }
}
